//! `add_working_days` over 2018–2030 after the calendar is built (target:
//! ≤ 100 ns per call), plus building the calendar, a full request schedule,
//! and the lunar conversion.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use tiepcan::calendar::{lunar_new_year, solar_to_lunar, OfficialDays, WorkingCalendar};
use tiepcan::deadline::{Clock, Complexity, Received, Request, RuleTable};
use tiepcan::law::Channel;

/// 4096 (date, n) pairs spread over 2018–2030, n in 0..=30 working days.
fn inputs() -> Vec<(NaiveDate, u32)> {
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (
                start + Duration::days((x % (13 * 365)) as i64),
                (x >> 40) as u32 % 31,
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cal = WorkingCalendar::official();
    let xs = inputs();
    let mut i = 0usize;
    c.bench_function("add_working_days 2018-2030", |b| {
        b.iter(|| {
            let (d, n) = xs[i & 4095];
            i = i.wrapping_add(1);
            black_box(cal.add_working_days(black_box(d), black_box(n)))
        })
    });
    c.bench_function("add_calendar_days_rolled 2018-2030", |b| {
        b.iter(|| {
            let (d, n) = xs[i & 4095];
            i = i.wrapping_add(1);
            black_box(cal.add_calendar_days_rolled(black_box(d), black_box(n)))
        })
    });
    c.bench_function("is_working_day", |b| {
        b.iter(|| {
            let (d, _) = xs[i & 4095];
            i = i.wrapping_add(1);
            black_box(cal.is_working_day(black_box(d)))
        })
    });
    let empty = OfficialDays::default();
    c.bench_function("build WorkingCalendar 2014-2199", |b| {
        b.iter(|| black_box(WorkingCalendar::with_override(black_box(&empty))))
    });
    let rules = RuleTable::builtin();
    let clock = Clock::new(cal, &rules);
    c.bench_function(
        "schedule postal complex (3 milestones + explanations)",
        |b| {
            b.iter(|| {
                let (d, _) = xs[i & 4095];
                i = i.wrapping_add(1);
                let d = d.max(NaiveDate::from_ymd_opt(2018, 7, 1).unwrap());
                black_box(clock.schedule(&Request::new(
                    Received::Date(d),
                    Channel::Postal,
                    Complexity::Complex,
                )))
            })
        },
    );
    c.bench_function("solar_to_lunar", |b| {
        b.iter(|| {
            let (d, _) = xs[i & 4095];
            i = i.wrapping_add(1);
            black_box(solar_to_lunar(black_box(d)))
        })
    });
    c.bench_function("lunar_new_year", |b| {
        b.iter(|| black_box(lunar_new_year(black_box(2100))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
