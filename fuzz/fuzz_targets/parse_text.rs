//! Small parsers fed arbitrary text: document numbers, agency codes,
//! Vietnamese date phrases, timing phrases, point letters, channels.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = tiepcan::model::DocumentRef::parse(s);
        let _ = tiepcan::model::AgencyCode::parse(s);
        if let Ok(d) = tiepcan::model::PartialDate::parse(s) {
            assert!(d.first_day() <= d.last_day());
        }
        let _ = tiepcan::model::TimingPhrase::classify(s);
        let _ = tiepcan::law::Point::parse(s);
        let _ = tiepcan::law::Art17Point::parse(s);
        let _ = tiepcan::law::Channel::parse(s);
        let _ = tiepcan::law::DisclosureForm::parse(s);
        let _ = tiepcan::text::fold_key(s);
    }
});
