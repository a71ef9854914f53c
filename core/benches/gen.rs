// Synthetic catalog generator shared by benches and examples (included with
// `include!`). Deterministic for a seed; no dependencies.

/// A CSV disclosure catalog with `rows` entries: UTF-8 with BOM, CRLF, the
/// column headers of Decree 13/2018 Art. 6(3) as agencies write them. About
/// 3 % of rows carry a defect a validator must report (missing form,
/// impossible date, point "f", a "(Mật)" marking, a blank number).
pub fn catalog_csv(rows: usize, seed: u64) -> Vec<u8> {
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    const POINTS: [&str; 15] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p",
    ];
    const TYPES: [(&str, &str); 6] = [
        ("Quyết định", "QĐ-UBND"),
        ("Kế hoạch", "KH-UBND"),
        ("Báo cáo", "BC-UBND"),
        ("Nghị quyết", "NQ-HĐND"),
        ("Thông báo", "TB-UBND"),
        ("Công văn", "UBND-VP"),
    ];
    const TOPICS: [&str; 8] = [
        "về việc ban hành quy chế cung cấp thông tin cho công dân",
        "phổ biến, giáo dục pháp luật trên địa bàn",
        "công khai dự toán ngân sách năm",
        "tổ chức tiếp công dân định kỳ",
        "phân bổ nguồn vốn đầu tư công",
        "kiểm tra an toàn thực phẩm",
        "tuyển dụng công chức cấp xã",
        "thu phí, lệ phí trên địa bàn",
    ];
    let mut out = Vec::with_capacity(rows * 220 + 256);
    out.extend_from_slice("\u{feff}STT,\"Tên văn bản, hồ sơ\",\"Số, ký hiệu\",Ngày tạo ra,Thuộc điểm (khoản 1 Điều 17),Hình thức công khai,Thời điểm công khai,Thời hạn công khai,Đường dẫn\r\n".as_bytes());
    for i in 1..=rows {
        let r = next();
        let (ty, sym) = TYPES[(r % 6) as usize];
        let topic = TOPICS[((r >> 8) % 8) as usize];
        let year = 2019 + ((r >> 16) % 7) as u32;
        let month = 1 + ((r >> 20) % 12) as u32;
        let day = 1 + ((r >> 24) % 28) as u32;
        let point = POINTS[((r >> 28) % 15) as usize];
        let defect = (r >> 32) % 100;
        let title = if defect == 0 {
            format!("{ty} {topic} {year} (Mật)")
        } else {
            format!("{ty} {topic} {year} - số {i}")
        };
        let number = if defect == 1 {
            format!("Số: /{sym}")
        } else {
            format!("{i}/{sym}")
        };
        let date = if defect == 2 {
            format!("31/02/{year}")
        } else {
            format!("{day:02}/{month:02}/{year}")
        };
        let point = if defect == 3 { "f" } else { point };
        let form = if defect == 4 {
            ""
        } else {
            "Cổng thông tin điện tử; Niêm yết"
        };
        let line = format!(
            "{i},\"{title}\",{number},{date},{point},{form},Ngay sau khi ban hành,Thường xuyên,https://example.gov.vn/vb/{i}\r\n"
        );
        out.extend_from_slice(line.as_bytes());
    }
    out
}
