//! The legal vocabulary: instruments, citations, regimes and the enumerations
//! of Law 104/2016/QH13 and Decree 13/2018/NĐ-CP, each with its citation and
//! Vietnamese and English labels. Everything here comes from `LAW.md`; no
//! other module states a legal number.

mod citation;
mod disclosure;
mod grounds;
mod regime;
mod request;

pub use citation::{Citation, Instrument, Point, PointLetterError, POINT_LETTERS};
pub use disclosure::{Art17Point, DisclosureForm, PortalListing};
pub use grounds::{
    ConditionalGround, ConsentHolder, InaccessibleGround, ProvisionCase, RefusalGround,
    ART7_OVERRIDE,
};
pub use regime::{Regime, DISTRICTS_ABOLISHED, LAW104_IN_FORCE, LAW2026_IN_FORCE};
pub use request::{Channel, ChannelError, LegalForm, SlipContent, SlipItem, SLIP_CONTENT};
