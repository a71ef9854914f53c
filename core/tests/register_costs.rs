//! Actual costs under Circular 46/2018/TT-BTC (LAW.md §6). Expected values
//! are computed by hand from the appendix rates of LAW.md §6.1, the
//! multipliers A3 = 2×, A2 = 4×, A1 = 8× (A28), the 70 % / 50 % area levels
//! of §6.2 and the sending rule of §6.3.

use tiepcan::law::Channel;
use tiepcan::model::AreaClass;
use tiepcan::register::{
    is_fee_label, quote, CostError, CostItem, CostLine, PaperSize, Sending, CIRC46_RATES,
};

fn line(item: CostItem, size: PaperSize, quantity: u32) -> CostLine {
    CostLine {
        item,
        size,
        quantity,
    }
}

#[test]
fn appendix_rates_as_in_law_md_6_1() {
    let rates: Vec<(&str, u64)> = CIRC46_RATES.iter().map(|r| (r.0, r.3)).collect();
    assert_eq!(
        rates,
        vec![
            ("1.1", 3_000),
            ("1.2", 18_000),
            ("2.1", 36_000),
            ("2.2", 54_000),
            ("2.3", 135_000),
            ("3", 27_000),
            ("4", 54_000),
            ("5.1", 2_000),
            ("5.2", 14_000),
        ]
    );
    assert_eq!(CostItem::AudioCopy.unit(), "minute");
}

#[test]
fn photocopy_sizes_multiply_the_a4_rate() {
    let q = quote(
        &[
            line(CostItem::PhotocopyBw, PaperSize::A4, 10), // 30,000
            line(CostItem::PhotocopyBw, PaperSize::A3, 2),  // 12,000
            line(CostItem::PhotocopyColour, PaperSize::A2, 1), // 72,000
            line(CostItem::PhotocopyBw, PaperSize::A1, 1),  // 24,000
        ],
        AreaClass::Normal,
        Sending::AtOffice,
    )
    .unwrap();
    assert_eq!(q.copying_vnd, 138_000);
    assert_eq!(q.total_vnd, 138_000);
    assert_eq!(q.area_percent, 100);
}

#[test]
fn size_multipliers_do_not_apply_to_other_lines() {
    let e = quote(
        &[line(CostItem::FilmCopy, PaperSize::A3, 10)],
        AreaClass::Normal,
        Sending::AtOffice,
    )
    .unwrap_err();
    assert!(matches!(e, CostError::SizeNotApplicable { .. }));
}

#[test]
fn difficult_area_pays_70_percent_of_copying_but_full_postage() {
    // 20 pages × 3,000 = 60,000 → 42,000; 10 audio minutes × 27,000 = 270,000 → 189,000.
    let q = quote(
        &[
            line(CostItem::PhotocopyBw, PaperSize::A4, 20),
            line(CostItem::AudioCopy, PaperSize::A4, 10),
        ],
        AreaClass::Difficult,
        Sending::Post {
            postage_vnd: 31_000,
        },
    )
    .unwrap();
    assert_eq!(q.copying_vnd, 231_000);
    assert_eq!(q.sending_vnd, 31_000);
    assert_eq!(q.total_vnd, 262_000);
    assert_eq!(
        q.citations[1].to_string(),
        "Circular 46/2018/TT-BTC, Art. 3(1)(1.1)(b)"
    );
}

#[test]
fn especially_difficult_area_pays_50_percent() {
    // 3 photo prints 25×35 × 135,000 = 405,000 → 202,500 (exact VND, A29).
    let q = quote(
        &[line(CostItem::PhotoPrintLarge, PaperSize::A4, 3)],
        AreaClass::EspeciallyDifficult,
        Sending::AtOffice,
    )
    .unwrap();
    assert_eq!(q.lines[0].full_vnd, 405_000);
    assert_eq!(q.total_vnd, 202_500);
}

#[test]
fn electronic_and_fax_sending_cost_nothing() {
    for ch in [Channel::Electronic, Channel::Fax] {
        let q = quote(
            &[line(CostItem::DigitisedPrintBw, PaperSize::A4, 5)],
            AreaClass::Normal,
            Sending::free_for(ch),
        )
        .unwrap();
        assert_eq!(q.sending_vnd, 0);
        assert_eq!(q.total_vnd, 10_000);
    }
}

#[test]
fn fees_and_charges_are_refused_costs_are_not() {
    // Art. 12(1): no phí, lệ phí; "chi phí" (actual cost) is allowed.
    for label in [
        "Phí cung cấp thông tin",
        "Lệ phí",
        "lệ phí tra cứu",
        "Search fee",
        "Service charge",
    ] {
        assert!(is_fee_label(label), "{label}");
        assert!(matches!(
            CostItem::parse(label),
            Err(CostError::FeeNotAllowed { .. })
        ));
    }
    for label in ["Chi phí photocopy", "chi phi in an", "1.1"] {
        assert!(!is_fee_label(label), "{label}");
    }
    assert_eq!(
        CostItem::parse("5.2").unwrap(),
        CostItem::DigitisedPrintColour
    );
    assert_eq!(
        CostItem::parse("photocopy_colour").unwrap(),
        CostItem::PhotocopyColour
    );
    assert!(matches!(
        CostItem::parse("scan"),
        Err(CostError::UnknownItem { .. })
    ));
}
