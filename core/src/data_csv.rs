//! The small data tables tiepcan reads besides catalogs and registers: the
//! official days off (`calendar::OfficialDays`) and the deadline rules
//! (`deadline::RuleTable`), built in or given by the user as an override.
//! Comma-separated UTF-8 with a fixed header row; blank lines are skipped;
//! positions are 1-based lines.

use std::io::Read;

/// The data records after the header, each with the line it starts on.
///
/// The first non-blank record must be `header` (a UTF-8 BOM before it is
/// ignored); with `exact == false` it may have more columns after those.
///
/// # Errors
/// `(line, message)`: unreadable CSV (not UTF-8, broken quoting) or a
/// header that is not `header`, or no header at all (an empty file).
/// Field counts are the caller's to check.
pub(crate) fn records<R: Read>(
    reader: R,
    header: &[&str],
    exact: bool,
) -> Result<Vec<(usize, csv::StringRecord)>, (usize, String)> {
    // Read it whole (these tables are small) to give true line numbers: a
    // record's position in the csv crate starts before the empty lines it
    // skipped, so its line is that of the first empty line.
    let mut data = Vec::new();
    let mut reader = reader;
    reader
        .read_to_end(&mut data)
        .map_err(|e| (0, format!("unreadable: {e}")))?;
    let line_at = |pos: Option<&csv::Position>| {
        pos.map_or(0, |p| {
            let mut byte = (p.byte() as usize).min(data.len());
            while matches!(data.get(byte), Some(b'\n' | b'\r')) {
                byte += 1;
            }
            1 + data[..byte].iter().filter(|&&b| b == b'\n').count()
        })
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data.as_slice());
    let mut out = Vec::new();
    let mut header_seen = false;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| (line_at(e.position()), format!("unreadable CSV: {e}")))?;
        let line = line_at(rec.position());
        if rec.iter().all(str::is_empty) {
            continue;
        }
        if header_seen {
            out.push((line, rec));
            continue;
        }
        let found: Vec<&str> = rec
            .iter()
            .map(|s| s.trim_start_matches('\u{feff}'))
            .collect();
        let ok = if exact {
            found == header
        } else {
            found.len() >= header.len() && found[..header.len()] == *header
        };
        if !ok {
            return Err((
                line,
                format!(
                    "expected header {:?}, found {:?}",
                    header.join(","),
                    found.join(",")
                ),
            ));
        }
        header_seen = true;
    }
    if !header_seen {
        return Err((
            1,
            format!("empty file: expected header {:?}", header.join(",")),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::records;

    #[test]
    fn header_bom_blank_lines_and_positions() {
        let text = "\u{feff}a,b\n\n1,2\n,\n3,4,5\n";
        let recs = records(text.as_bytes(), &["a", "b"], true).unwrap();
        let lines: Vec<usize> = recs.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 5]);
        assert_eq!(&recs[1].1[2], "5");
    }

    #[test]
    fn wrong_header_says_where_and_what() {
        let err = records("\nx,y\n".as_bytes(), &["a", "b"], false).unwrap_err();
        assert_eq!(
            err,
            (2, "expected header \"a,b\", found \"x,y\"".to_string())
        );
        assert!(records("a,b,c\n".as_bytes(), &["a", "b"], false).is_ok());
        assert!(records("a,b,c\n".as_bytes(), &["a", "b"], true).is_err());
        assert_eq!(
            records("\n\n".as_bytes(), &["a", "b"], true).unwrap_err(),
            (1, "empty file: expected header \"a,b\"".to_string())
        );
    }
}
