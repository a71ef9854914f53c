//! Property tests: the statistics add up — every request received in the
//! period is counted exactly once per breakdown (by state, by channel, by
//! timeliness), whatever the events, and never panics on illegal sequences.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use tiepcan::calendar::WorkingCalendar;
use tiepcan::deadline::{Clock, RuleTable};
use tiepcan::law::{Channel, RefusalGround};
use tiepcan::register::{stats, Complexity, Event, EventKind, Register, Request};

fn kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        Just(EventKind::Received),
        Just(EventKind::Guidance { note: None }),
        prop_oneof![Just(Complexity::Simple), Just(Complexity::Complex)].prop_map(|c| {
            EventKind::Valid {
                complexity: c,
                reason: None,
            }
        }),
        (0u64..200_000).prop_map(|c| EventKind::HandlingNotice {
            time_limit: None,
            place: None,
            form: None,
            cost_vnd: c,
            payment_deadline: None
        }),
        (0u64..200_000).prop_map(|a| EventKind::Paid { amount_vnd: a }),
        Just(EventKind::Extended {
            new_limit: None,
            reason: None
        }),
        proptest::sample::subsequence(RefusalGround::ALL.to_vec(), 0..3).prop_map(|g| {
            EventKind::Refused {
                grounds: g,
                reason: "r".into(),
            }
        }),
        any::<bool>().prop_map(|p| EventKind::Provided {
            form: None,
            partial: p
        }),
        Just(EventKind::Transferred { to: None }),
        Just(EventKind::Withdrawn),
        Just(EventKind::Complaint),
    ]
}

fn request() -> impl Strategy<Value = Request> {
    (
        prop::sample::select(Channel::ALL.to_vec()),
        0i64..700,
        any::<bool>(),
        prop::collection::vec((0i64..20, kind()), 0..7),
    )
        .prop_map(|(ch, start, lead_received, evs)| {
            let base = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap() + Duration::days(start);
            let mut r = Request::new("x", ch);
            let mut day = base;
            if lead_received {
                r.events.push(Event::new(day, EventKind::Received));
            }
            for (gap, k) in evs {
                day += Duration::days(gap);
                r.events.push(Event::new(day, k));
            }
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn stats_add_up(reqs in prop::collection::vec(request(), 0..25), from_off in 0i64..400, len in 0i64..500) {
        let rules = RuleTable::builtin();
        let clock = Clock::new(WorkingCalendar::official(), &rules);
        let from = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap() + Duration::days(from_off);
        let to = from + Duration::days(len);
        let reg = Register { agency: None, requests: reqs };
        let s = stats(&reg, &clock, from, to);
        let in_period = reg
            .requests
            .iter()
            .filter(|r| r.received_on().map(|d| d >= from && d <= to).unwrap_or(false))
            .count();
        prop_assert_eq!(s.received, in_period);
        prop_assert_eq!(s.by_state.total(), s.received);
        prop_assert_eq!(s.timeliness.total(), s.received);
        prop_assert_eq!(s.by_channel.values().map(|c| c.total()).sum::<usize>(), s.received);
        prop_assert_eq!(s.by_state.pending() + s.by_state.resolved() + s.by_state.withdrawn, s.received);
        prop_assert!(s.extended <= s.received);
        // A request refused on several grounds counts once under each; each ground count ≤ received.
        for g in &s.refused_by_ground {
            prop_assert!(g.count <= s.received);
        }
        prop_assert_eq!(
            s.median_working_days_to_answer.is_some(),
            s.timeliness.on_time + s.timeliness.late > 0
        );
    }
}
