//! Sổ theo dõi cung cấp thông tin theo yêu cầu — the request register
//! (Law 104/2016/QH13, Art. 26(1); Decree 13/2018/NĐ-CP, Art. 10(1)).
//!
//! * [`RequestSlip`] — the request slip (Forms 01a/01b) and its checks
//!   (Art. 24(2)–(3), Art. 4, Art. 36; Decree 13 Art. 4);
//! * [`Request`] — a request's life as dated [`Event`]s, each with its
//!   document (Forms 02–06), and the legal transitions (LAW.md §5.9);
//! * [`status_at`] — the status computed from dates at an explicit `today`
//!   (waiting, due today, overdue by N working days, answered late), kept
//!   apart from the [`RequestState`] a person records;
//! * [`quote`] — actual costs under Circular 46/2018/TT-BTC (LAW.md §6);
//! * [`check_register`] and [`stats`] — findings and the report numbers;
//! * [`io`] — CSV, XLSX and JSON register files with Vietnamese headers;
//! * [`xml`] — the register as XML (`schemas/register.xsd`), lossless
//!   against JSON (`schemas/register.schema.json`).
//!
//! Due dates come from a [`RequestClock`]; [`DeadlineClock`] is the one
//! built on `core::deadline` and the official working-day calendar (once merged).

mod check;
mod cost;
pub mod io;
mod lifecycle;
mod slip;
mod stats;
mod status;
pub mod xml;

use serde::{Deserialize, Serialize};

use crate::model::Agency;

pub use check::{check_register, RegisterCheck};
pub use cost::{
    area_percent, is_fee_label, quote, CostError, CostItem, CostLine, CostQuote, PaperSize,
    PricedLine, Sending, CIRC46_RATES,
};
pub use lifecycle::{Complexity, Event, EventKind, Request, RequestState, TransitionError};
pub use slip::{ListedRequester, RequestSlip, RequesterCapacity};
pub use stats::{stats, GroundCount, RegisterStats, StateCounts, Timeliness};
pub use status::{status_at, status_changes, RequestClock, RequestStatus, Status, StatusChange};

/// Sổ theo dõi — a request register: the providing agency and its requests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    /// The providing agency keeping the register (its `area_class` sets the
    /// Circular 46 cost level).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    /// The requests, in register order.
    #[serde(default)]
    pub requests: Vec<Request>,
}
