//! The channel labels of the deadline form start with a capital letter
//! (`render_deadline_form` capitalises `Channel::label_vi`, whose first
//! letters are ASCII, without Unicode case tables).

use tiepcan::law::Channel;
use tiepcan::render::{render_deadline_form, RenderOptions};

#[test]
fn channel_labels_are_capitalised() {
    let html = render_deadline_form(&RenderOptions::default());
    for label in [
        "Trực tiếp tại trụ sở",
        "Qua mạng điện tử",
        "Qua dịch vụ bưu chính",
        "Qua fax",
    ] {
        assert!(html.contains(&format!(">{label}</label>")), "{label}");
    }
    // The rule the form relies on: every label starts with an ASCII letter.
    for c in Channel::ALL {
        assert!(
            c.label_vi().starts_with(|f: char| f.is_ascii_lowercase()),
            "{c:?}"
        );
    }
}
