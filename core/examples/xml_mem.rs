//! Memory of the XML reader against the size of the model it builds.
//!
//! A counting global allocator measures, while `read_catalog_xml` parses a
//! generated catalog held in memory: the heap the finished model holds, and
//! the peak heap above the input during parsing. The reader streams (no
//! document tree), so the peak should stay within a few kilobytes of the
//! model's own size. Also prints the process's peak RSS (VmHWM).
//!
//! ```text
//! cargo run --release -p tiepcan --example xml_mem -- 100000        # generate and parse in memory
//! target/release/examples/xml_mem 100000 /tmp/c100k.xml             # only write the XML
//! /usr/bin/time -v target/release/examples/xml_mem /tmp/c100k.xml   # parse a file: peak RSS
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

#[path = "../benches/common/mod.rs"]
mod common;

struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = CURRENT.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        CURRENT.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                let now = CURRENT.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                CURRENT.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mb(b: usize) -> f64 {
    b as f64 / 1e6
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let first = args.first().cloned().unwrap_or_else(|| "100000".into());
    let xml: Vec<u8> = match first.parse::<usize>() {
        Ok(n) => {
            let xml = {
                let c = common::catalog(n);
                tiepcan::io::xml::catalog_to_xml_string(&c).unwrap()
            };
            if let Some(out) = args.get(1) {
                // `xml_mem N FILE`: only write the generated XML.
                std::fs::write(out, &xml).unwrap();
                println!("wrote {out}: {:.1} MB", mb(xml.len()));
                return;
            }
            xml.into_bytes()
        }
        // `xml_mem FILE`: parse a file, so that the process's peak RSS is
        // the input plus what the reader allocates.
        Err(_) => std::fs::read(&first).unwrap(),
    };
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let (cpu0, wall0, st0) = (cpu_ns(), std::time::Instant::now(), thread_stat());
    let (catalog, diags) = tiepcan::io::xml::read_catalog_xml(&xml, &Default::default()).unwrap();
    let (cpu, wall, st1) = (
        cpu_ns().saturating_sub(cpu0),
        wall0.elapsed(),
        thread_stat(),
    );
    let after = CURRENT.load(Relaxed);
    let peak = PEAK.load(Relaxed);
    assert!(diags.is_empty());
    let model = after - base;
    println!("items:                    {}", catalog.len());
    println!("input XML:                {:.1} MB", mb(xml.len()));
    println!("model heap (after parse): {:.1} MB", mb(model));
    println!(
        "peak heap during parse:   {:.1} MB above the input",
        mb(peak - base)
    );
    println!(
        "parse overhead over model: {:.3} MB ({:.2} % of the model)",
        mb(peak - after),
        (peak - after) as f64 * 100.0 / model as f64
    );
    if cpu > 0 {
        println!(
            "parse time: {:.3} s on CPU ({:.0} MB/s), {:.3} s wall ({:.0} MB/s)",
            cpu as f64 / 1e9,
            xml.len() as f64 / 1e6 / (cpu as f64 / 1e9),
            wall.as_secs_f64(),
            xml.len() as f64 / 1e6 / wall.as_secs_f64()
        );
    }
    if let (Some(a), Some(b)) = (st0, st1) {
        // Page faults are the kernel handing out (zeroed) memory for the
        // model: part of the parse's CPU time, and the reason for its
        // system time.
        println!(
            "parse CPU split: {:.2} s user, {:.2} s system; {} minor page faults ({:.0} MB of fresh pages at 4 KiB)",
            (b.1 - a.1) as f64 / USER_HZ,
            (b.2 - a.2) as f64 / USER_HZ,
            b.0 - a.0,
            (b.0 - a.0) as f64 * 4096.0 / 1e6
        );
    }
    if let Ok(s) = std::fs::read_to_string("/proc/self/status") {
        for l in s
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        {
            println!("{l}");
        }
    }
    drop(catalog);
}

/// This thread's time on a CPU in nanoseconds (Linux `schedstat`; 0 elsewhere).
/// Wall time is misleading on a shared, loaded machine.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// This thread's (minor page faults, user ticks, system ticks) from
/// `/proc/thread-self/stat` (Linux).
fn thread_stat() -> Option<(u64, u64, u64)> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name in parentheses; minflt is field 10,
    // utime 14, stime 15 (1-based, as in proc(5)).
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let n = |i: usize| f.get(i - 3)?.parse::<u64>().ok();
    Some((n(10)?, n(14)?, n(15)?))
}

/// Clock ticks per second of `/proc` times (USER_HZ, 100 on Linux).
const USER_HZ: f64 = 100.0;
