//! Delimited text → [`Table`]: the `csv` crate with flexible record lengths,
//! the delimiter sniffed among `,` `;` and tab, any encoding
//! [`super::encoding`] reads.

use super::encoding;
use super::table::{Cell, RawRow, Table};
use super::{ReadError, ReadOptions};

/// Pick the delimiter: the candidate that splits the most of the first lines
/// (outside quotes), ties broken by the most consistent count per line; tab
/// first, as Excel's "Unicode Text" export uses it.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize, 0usize);
    for d in [b'\t', b';', b','] {
        // The quote state carries over line ends: a quoted cell may hold a
        // line break (RFC 4180), and what follows it is still inside quotes.
        // As in the csv crate, a quote opens a quoted cell only at the start
        // of a cell; a stray one inside a cell (`Báo cáo "tháng 3`) is text.
        let mut in_q = false;
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut prev: Option<u8> = None;
                l.bytes()
                    .filter(|&b| {
                        if b == b'"' && (in_q || prev.is_none() || prev == Some(d)) {
                            in_q = !in_q;
                        }
                        prev = Some(b);
                        !in_q && b == d
                    })
                    .count()
            })
            .collect();
        let with = counts.iter().filter(|&&c| c > 0).count();
        let mode = {
            let mut m = std::collections::HashMap::new();
            for &c in counts.iter().filter(|&&c| c > 0) {
                *m.entry(c).or_insert(0usize) += 1;
            }
            m.values().copied().max().unwrap_or(0)
        };
        if (with, mode) > (best.1, best.2) {
            best = (d, with, mode);
        }
    }
    best.0
}

/// Read delimited bytes into a table of text cells.
///
/// # Errors
/// [`ReadError::TooLarge`] past `opts.max_rows` rows or `opts.max_cell_chars`.
pub(crate) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Table, ReadError> {
    let decoded = encoding::decode(bytes);
    let mut text = decoded.text;
    // Excel's "sep=;" hint line: it names the delimiter and Excel does not
    // show it as a row.
    let hinted = text.lines().next().and_then(|l| {
        let d = l.trim_end().strip_prefix("sep=")?;
        (d.len() == 1 && matches!(d.as_bytes()[0], b',' | b';' | b'\t' | b'|'))
            .then(|| d.as_bytes()[0])
    });
    if hinted.is_some() {
        let cut = text.find('\n').map_or(text.len(), |i| i + 1);
        text.drain(..cut);
    }
    let delimiter = hinted.unwrap_or_else(|| sniff_delimiter(&text));
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Physical rows: records plus the blank lines the csv crate skips (they
    // sit at the start of the next record's byte span).
    let bytes_all = text.as_bytes();
    let mut row: usize = 0;
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                return Err(ReadError::Unreadable {
                    message: format!("CSV cannot be read: {e}"),
                    line,
                    column: None,
                    pointer: None,
                });
            }
        }
        let start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        let mut i = start;
        // The "\n" of the previous record's CRLF may open this span.
        if i > 0 && bytes_all.get(i - 1) == Some(&b'\r') && bytes_all.get(i) == Some(&b'\n') {
            i += 1;
        }
        let mut blank = 0;
        loop {
            match bytes_all.get(i) {
                Some(b'\r') => {
                    i += 1;
                    if bytes_all.get(i) == Some(&b'\n') {
                        i += 1;
                    }
                    blank += 1;
                }
                Some(b'\n') => {
                    i += 1;
                    blank += 1;
                }
                _ => break,
            }
        }
        row += blank + 1;
        if row > opts.max_rows {
            return Err(ReadError::TooLarge {
                what: "number of rows",
                limit: opts.max_rows as u64,
                found: row as u64,
                row: Some(row),
            });
        }
        let mut cells = Vec::with_capacity(record.len());
        for f in record.iter() {
            // A cell has at most as many characters as bytes.
            let n = if f.len() > opts.max_cell_chars {
                f.chars().count()
            } else {
                0
            };
            if n > opts.max_cell_chars {
                return Err(ReadError::TooLarge {
                    what: "cell length in characters",
                    limit: opts.max_cell_chars as u64,
                    found: n as u64,
                    row: Some(row),
                });
            }
            cells.push(Cell::text(f));
        }
        rows.push(RawRow { row, cells });
    }
    Ok(Table {
        rows,
        physical_rows: row,
        diagnostics: decoded.diagnostics,
        ended_in_quote: ends_inside_quotes(&text, delimiter),
    })
}

/// Whether the text ends inside an open quoted field (a file cut off in the
/// middle of a quoted cell).
fn ends_inside_quotes(text: &str, _delimiter: u8) -> bool {
    text.bytes().filter(|&b| b == b'"').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_sep_hint_line() {
        let t = read(
            b"sep=;\r\nSTT;Ten, van ban\r\n1;A, B\r\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let rows: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![1, 2]);
        assert_eq!(t.rows[1].cells.len(), 2);
    }

    #[test]
    fn delimiters() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1;\"2,5\";3"), b';');
        assert_eq!(sniff_delimiter("a\tb, c\tc\n1\t2\t3"), b'\t');
        assert_eq!(
            sniff_delimiter("\"DANH MỤC (theo Điều 19, Luật)\",,\nSTT,Nội dung,Đường dẫn"),
            b','
        );
    }

    #[test]
    fn blank_lines_keep_physical_row_numbers_lf_and_crlf() {
        let t = read(
            b"STT,Ten\r\n\r\n1,\"a\r\nb\"\r\n2,c\r\n",
            &ReadOptions::default(),
        )
        .unwrap();
        let rows: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![1, 3, 4]);
        let t = read(b"STT,Ten\n\n1,\"a\nb\"\n2,c\n", &ReadOptions::default()).unwrap();
        let rows: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![1, 3, 4]);
        assert_eq!(t.physical_rows, 4);
        // CRLF line ends (Excel's CSV) count once per line.
        let t = read(b"STT,Ten\r\n\r\n1,a\r\n2,c\r\n", &ReadOptions::default()).unwrap();
        let rows: Vec<usize> = t.rows.iter().map(|r| r.row).collect();
        assert_eq!(rows, vec![1, 3, 4]);
    }
}
