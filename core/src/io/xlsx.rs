//! Workbooks → [`Table`] through `calamine` (XLSX, XLSM, XLS, XLSB, ODS): the
//! named sheet or the first non-empty one; merged ranges (the top-left value
//! applies to the whole range for header and caption logic); real date
//! cells; numbers; hyperlinks behind link text.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Range, Reader, Sheets};
use chrono::Datelike;

use super::table::{Cell, CellValue, Merge, RawRow, Table};
use super::{ReadError, ReadOptions};
use crate::validate::{Diagnostic, Location, Message};

fn unreadable(message: String) -> ReadError {
    ReadError::Unreadable {
        message,
        line: None,
        column: None,
        pointer: None,
    }
}

/// Read a workbook's sheet into a table.
///
/// # Errors
/// [`ReadError::Unreadable`] when the workbook cannot be opened or the named
/// sheet does not exist; [`ReadError::TooLarge`] past the row or cell limits.
pub(crate) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError> {
    check_unpacked_size(bytes, opts)?;
    let mut wb: Sheets<Cursor<&[u8]>> = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("the workbook cannot be opened: {e}")))?;
    let names = wb.sheet_names();
    let mut diagnostics = Vec::new();
    let (name, range) = match &opts.sheet {
        Some(want) => {
            let key = crate::text::fold_key(want);
            let name = names
                .iter()
                .find(|n| crate::text::fold_key(n) == key)
                .cloned()
                .ok_or_else(|| {
                    unreadable(format!(
                        "no sheet named {want:?} (sheets: {})",
                        names.join(", ")
                    ))
                })?;
            let range = wb
                .worksheet_range(&name)
                .map_err(|e| unreadable(format!("sheet {name:?} cannot be read: {e}")))?;
            (name, range)
        }
        None => {
            let mut found: Option<(String, Range<Data>)> = None;
            let mut others = Vec::new();
            for n in &names {
                let Ok(r) = wb.worksheet_range(n) else {
                    continue;
                };
                if r.used_cells().any(|(_, _, v)| !is_blank(v)) {
                    if found.is_none() {
                        found = Some((n.clone(), r));
                    } else {
                        others.push(n.clone());
                    }
                }
            }
            if !others.is_empty() {
                diagnostics.push(Diagnostic::new(
                    "R-READ-STRUCTURE",
                    Location::whole(),
                    Some(others.join(", ")),
                    Message::new(
                        format!("Chỉ đọc trang tính đầu tiên có dữ liệu; các trang khác ({}) không được đọc — chọn trang bằng tùy chọn sheet.", others.join(", ")),
                        format!("Only the first sheet with data was read; other sheets ({}) were not — choose one with the sheet option.", others.join(", ")),
                    ),
                ));
            }
            match found {
                Some(f) => f,
                None => (
                    names.first().cloned().unwrap_or_default(),
                    Range::new((0, 0), (0, 0)),
                ),
            }
        }
    };
    let merges: Vec<Dimensions> = match &mut wb {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    };
    let links: Vec<(Dimensions, String)> = match &mut wb {
        Sheets::Xlsx(x) => x
            .hyperlinks_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|h| h.target.map(|t| (h.range, t)))
            .collect(),
        _ => Vec::new(),
    };
    // Number formats, to keep the precision of a date cell formatted as a
    // month ("03/2026", "mmm-yy") or a year.
    let styles = match &mut wb {
        Sheets::Xlsx(x) => x.worksheet_style(&name).ok(),
        _ => None,
    };
    let precision = |r: u32, c: u32| -> Precision {
        styles
            .as_ref()
            .and_then(|s| s.get((r, c)))
            .and_then(|st| st.number_format.as_ref())
            .map(|nf| date_precision(&nf.format_code, nf.format_id))
            .unwrap_or(Precision::Day)
    };
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (h, w) = range.get_size();
    let last_row = r0 as usize + h;
    if last_row > opts.max_rows {
        return Err(ReadError::TooLarge {
            what: "number of rows",
            limit: opts.max_rows as u64,
            found: last_row as u64,
            row: Some(opts.max_rows + 1),
        });
    }
    let width = c0 as usize + w;
    let mut rows = Vec::with_capacity(h);
    for ri in 0..h {
        let abs_r = r0 + ri as u32;
        let mut cells = vec![Cell::default(); width];
        for (ci, cell) in cells.iter_mut().enumerate() {
            let abs_c = ci as u32;
            let mut value = if abs_c >= c0 {
                range
                    .get((ri, (abs_c - c0) as usize))
                    .map(convert)
                    .unwrap_or(CellValue::Empty)
            } else {
                CellValue::Empty
            };
            if let CellValue::Date(d) = value {
                value = match precision(abs_r, abs_c) {
                    Precision::Day => value,
                    Precision::Month => {
                        CellValue::Text(format!("{:02}/{:04}", d.month(), d.year()))
                    }
                    Precision::Year => CellValue::Text(format!("{:04}", d.year())),
                };
            }
            let mut merge = Merge::None;
            if let Some(m) = merges.iter().find(|m| m.contains(abs_r, abs_c)) {
                if (abs_r, abs_c) == m.start {
                    merge = Merge::Origin;
                } else {
                    merge = if abs_c == m.start.1 {
                        Merge::Down
                    } else {
                        Merge::Across
                    };
                    if m.start.0 >= r0 && m.start.1 >= c0 {
                        value = range
                            .get(((m.start.0 - r0) as usize, (m.start.1 - c0) as usize))
                            .map(convert)
                            .unwrap_or(CellValue::Empty);
                    }
                }
            }
            if let CellValue::Text(t) = &value {
                let n = t.chars().count();
                if n > opts.max_cell_chars {
                    return Err(ReadError::TooLarge {
                        what: "cell length in characters",
                        limit: opts.max_cell_chars as u64,
                        found: n as u64,
                        row: Some(abs_r as usize + 1),
                    });
                }
            }
            let link = links
                .iter()
                .find(|(d, _)| d.contains(abs_r, abs_c))
                .map(|(_, t)| t.clone());
            *cell = Cell { value, link, merge };
        }
        rows.push(RawRow {
            row: abs_r as usize + 1,
            cells,
        });
    }
    Ok(Table {
        rows,
        physical_rows: last_row,
        diagnostics,
        ended_in_quote: false,
    })
}

/// A ZIP workbook's declared unpacked size against `opts.max_unpacked_bytes`,
/// before calamine expands it (a small file can unpack to gigabytes).
fn check_unpacked_size(bytes: &[u8], opts: &ReadOptions) -> Result<(), ReadError> {
    if !bytes.starts_with(b"PK") {
        return Ok(());
    }
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports the damage
    };
    let total: u128 = match z.decompressed_size() {
        Some(t) => t,
        None => (0..z.len())
            .filter_map(|i| z.by_index_raw(i).ok().map(|f| u128::from(f.size())))
            .sum(),
    };
    if total > u128::from(opts.max_unpacked_bytes) {
        return Err(ReadError::TooLarge {
            what: "unpacked workbook size in bytes",
            limit: opts.max_unpacked_bytes,
            found: u64::try_from(total).unwrap_or(u64::MAX),
            row: None,
        });
    }
    Ok(())
}

fn is_blank(v: &Data) -> bool {
    match v {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn convert(v: &Data) -> CellValue {
    match v {
        Data::Empty => CellValue::Empty,
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::Bool(b) => CellValue::Text(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                CellValue::Number(dt.as_f64())
            } else {
                match dt.as_datetime() {
                    Some(d) => CellValue::Date(d.date()),
                    None => CellValue::Number(dt.as_f64()),
                }
            }
        }
        Data::DateTimeIso(s) => match crate::model::parse_iso_date(s.get(..10).unwrap_or(s)) {
            Ok(d) => CellValue::Date(d),
            Err(_) => CellValue::Text(s.clone()),
        },
        Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Text(e.to_string()),
    }
}

/// How much of a date a cell's number format shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Day,
    Month,
    Year,
}

/// The precision of an Excel number format: a format without a day
/// ("mm/yyyy", "mmm-yy", built-in 17) shows a month, one with only a year
/// shows a year. Quoted text and `[…]` sections are ignored.
fn date_precision(code: &str, id: Option<u32>) -> Precision {
    if id == Some(17) {
        return Precision::Month;
    }
    let mut plain = String::new();
    let (mut quoted, mut bracket) = (false, false);
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            c if !quoted && !bracket => plain.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    if plain.is_empty() || plain == "general" || plain.contains('d') {
        Precision::Day
    } else if plain.contains('m') && plain.contains('y') {
        Precision::Month
    } else if plain.contains('y') && !plain.contains('m') {
        Precision::Year
    } else {
        Precision::Day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_precision() {
        assert_eq!(date_precision("dd/mm/yyyy", None), Precision::Day);
        assert_eq!(date_precision("mm/yyyy", None), Precision::Month);
        assert_eq!(date_precision("mmm-yy", None), Precision::Month);
        assert_eq!(date_precision("", Some(17)), Precision::Month);
        assert_eq!(date_precision("yyyy", None), Precision::Year);
        assert_eq!(date_precision("\"Tháng \"mm/yyyy", None), Precision::Month);
        assert_eq!(date_precision("[$-42A]dd/mm/yyyy", None), Precision::Day);
    }
}
