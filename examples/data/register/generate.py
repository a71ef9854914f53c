"""Write so-theo-doi-2024.csv, the example request register, next to this
script. Every name, ID number, address and document is a placeholder.
Rows are written in order of receipt; "Số thứ tự" is renumbered per year.
Run: python3 generate.py"""
import csv, os
H = ["Số thứ tự","Ngày tiếp nhận","Số phiếu tiếp nhận","Cách thức yêu cầu","Mẫu phiếu","Họ và tên người yêu cầu","Nơi cư trú, địa chỉ","Số CMND/CCCD/Hộ chiếu","Điện thoại, fax, thư điện tử","Tư cách người yêu cầu","Người nước ngoài cư trú tại Việt Nam","Tổ chức, đoàn thể, doanh nghiệp","Danh sách người yêu cầu","Thông tin yêu cầu","Tên văn bản, hồ sơ, tài liệu","Hình thức cung cấp","Lý do, mục đích","Thông tin có điều kiện (Điều 7)","Văn bản chấp thuận (Mẫu 06)","Trường hợp cung cấp (Điều 23)","Ngày hướng dẫn bổ sung","Nội dung hướng dẫn","Ngày yêu cầu hợp lệ","Mức độ","Ngày phiếu giải quyết (Mẫu 03)","Số phiếu giải quyết","Thời hạn cung cấp","Chi phí (đồng)","Hạn thanh toán","Ngày thanh toán","Ngày thông báo gia hạn (Mẫu 04)","Gia hạn đến ngày","Ngày cung cấp","Cung cấp một phần","Ngày từ chối (Mẫu 05)","Căn cứ từ chối (khoản 1 Điều 28)","Lý do từ chối","Ngày thông báo không thuộc trách nhiệm","Cơ quan có trách nhiệm","Ngày rút yêu cầu","Ngày yêu cầu đính chính","Ngày khiếu nại, khởi kiện","Trạng thái","Ghi chú"]
K = ["id","received","receipt_no","channel","form","name","address","idno","contact","capacity","foreign","org","list","info","doc","pform","reason","cond","consent","case","guid","guidnote","valid","cx","notice","notice_no","limit","cost","paydl","paid","ext","extuntil","prov","partial","ref","grounds","refreason","trans","transto","withdrawn","corr","complaint","state","note"]
CH = {"IP":"Trực tiếp","EL":"Qua mạng điện tử","PO":"Qua dịch vụ bưu chính","FX":"Fax"}
DOCS = {
 "qh":("Quy hoạch sử dụng đất đến năm 2030 của xã","Quyết định phê duyệt quy hoạch sử dụng đất (số giả định)"),
 "bt":("Phương án bồi thường, hỗ trợ tái định cư dự án đường liên xã","Phương án bồi thường số giả định/PA-UBND"),
 "ns":("Dự toán ngân sách năm 2024","Báo cáo dự toán ngân sách năm 2024"),
 "xd":("Giấy phép xây dựng của công trình nhà ở liền kề","Hồ sơ cấp giấy phép xây dựng (số giả định)"),
 "kh":("Kế hoạch phòng, chống thiên tai năm 2024","Kế hoạch số giả định/KH-UBND"),
}
def d(s):
    if not s: return ""
    y,m,dd = map(int, s.split("-")); return f"{dd:02d}/{m:02d}/{y}"
rows=[]
def R(n, ch, rec, **kw):
    r = {k:"" for k in K}
    r.update(id=f"{n:02d}/2024" if rec.startswith("2024") else f"{n:02d}/{rec[:4]}", received=d(rec), receipt_no=f"{n:02d}/PTN", channel=CH[ch], form="01a",
             name=f"Người yêu cầu {n:02d}", address=f"Số {n}, thôn Giả Định, xã Mẫu, tỉnh Mẫu", idno=f"0010900000{n:02d}",
             pform={"IP":"Đọc, xem tại trụ sở; bản sao","EL":"Tệp điện tử qua thư điện tử","PO":"Bản sao gửi qua bưu điện","FX":"Bản sao gửi qua fax"}[ch],
             reason="Tìm hiểu thông tin liên quan đến quyền, lợi ích của gia đình")
    doc = kw.pop("d","qh"); r["info"], r["doc"] = DOCS[doc]
    for k,v in kw.items():
        r[k] = d(v) if k in ("valid","notice","limit","paydl","paid","ext","extuntil","prov","ref","trans","withdrawn","corr","complaint","guid") else v
    r["cx"] = {"s":"đơn giản","c":"phức tạp","":""}[kw.get("cx","s" if kw.get("valid") else "")]
    rows.append(r)
# In person
R(1,"IP","2024-03-04",valid="2024-03-04",prov="2024-03-04",state="đã cung cấp")
R(2,"IP","2024-03-11",valid="2024-03-11",notice="2024-03-11",notice_no="02/PGQ",limit="2024-03-11",cost="60000",paydl="2024-03-11",paid="2024-03-11",prov="2024-03-11",note="20 trang A4 đen trắng × 3.000 đ",state="đã cung cấp")
R(3,"IP","2024-03-18",valid="2024-03-18",cx="c",notice="2024-03-19",notice_no="03/PGQ",limit="2024-04-01",cost="0",prov="2024-03-28",d="bt",state="đã cung cấp")
R(4,"IP","2024-06-03",valid="2024-06-03",cx="c",notice="2024-06-04",notice_no="04/PGQ",limit="2024-06-17",cost="0",ext="2024-06-14",extuntil="2024-07-01",prov="2024-06-28",d="bt",state="đã cung cấp")
R(5,"IP","2024-07-01",valid="2024-07-01",cx="c",notice="2024-07-02",notice_no="05/PGQ",limit="2024-07-15",cost="0",prov="2024-07-19",d="xd",state="đã cung cấp",note="Trả lời chậm")
R(6,"IP","2024-07-08",valid="2024-07-08",ref="2024-07-08",grounds="a",refreason="Tài liệu do cơ quan soạn thảo cho công việc nội bộ (khoản 2 Điều 6)",d="ns",state="từ chối")
R(7,"IP","2024-05-13",idno="",guid="2024-05-13",guidnote="Thiếu số CCCD",state="chưa hợp lệ",note="Người yêu cầu chưa bổ sung")
R(8,"IP","2024-05-20",trans="2024-05-21",transto="Sở Tài nguyên và Môi trường tỉnh Mẫu",d="xd",state="không thuộc trách nhiệm")
R(9,"IP","2024-10-07",valid="2024-10-07",cx="c",notice="2024-10-08",notice_no="09/PGQ",limit="2024-10-21",cost="0",prov="2024-10-18",partial="có",ref="2024-10-18",grounds="a",refreason="Phần còn lại chứa bí mật cá nhân của người khác, không có văn bản chấp thuận",d="bt",state="cung cấp một phần")
R(10,"IP","2024-11-04",form="01b",org="Hợp tác xã Mẫu",list="Thành viên A | 001090000101 | Tìm hiểu quy hoạch; Thành viên B | 001090000102 | Tìm hiểu quy hoạch; Thành viên C | 001090000103 | Tìm hiểu quy hoạch",valid="2024-11-04",prov="2024-11-04",state="đã cung cấp")
# Electronic
R(11,"EL","2024-03-05",valid="2024-03-05",prov="2024-03-07",d="kh",state="đã cung cấp")
R(12,"EL","2024-03-12",valid="2024-03-12",prov="2024-03-20",d="kh",state="đã cung cấp",note="Trả lời chậm")
R(13,"EL","2024-06-10",valid="2024-06-10",cx="c",notice="2024-06-12",notice_no="13/PGQ",limit="2024-07-01",cost="0",prov="2024-06-27",corr="2024-07-15",d="bt",state="đã cung cấp")
R(14,"EL","2024-07-08",valid="2024-07-08",cx="c",notice="2024-07-10",notice_no="14/PGQ",limit="2024-07-29",cost="0",ext="2024-07-26",extuntil="2024-08-13",prov="2024-08-12",d="bt",state="đã cung cấp")
R(15,"EL","2024-08-05",valid="2024-08-05",ref="2024-08-06",grounds="b",refreason="Đã công khai trên cổng thông tin điện tử của xã, mục Quy hoạch",d="kh",state="từ chối")
R(16,"EL","2024-10-14",idno="001090000017",name="Người yêu cầu 17",valid="2024-10-14",ref="2024-10-15",grounds="d",refreason="Đã cung cấp 02 lần cho chính người yêu cầu (yêu cầu 17/2024, 18/2024)",d="ns",state="từ chối")
R(17,"EL","2024-04-01",valid="2024-04-01",prov="2024-04-02",d="ns",state="đã cung cấp")
R(18,"EL","2024-06-03",idno="001090000017",name="Người yêu cầu 17",valid="2024-06-03",prov="2024-06-04",d="ns",state="đã cung cấp")
R(19,"EL","2024-09-09",valid="2024-09-09",withdrawn="2024-09-10",d="kh",state="rút yêu cầu")
R(20,"EL","2024-12-16",valid="2024-12-16",d="ns",state="đã cung cấp",note="Ghi nhầm trạng thái: chưa cung cấp")
R(21,"EL","2024-12-23",valid="2024-12-23",cx="c",notice="2024-12-24",notice_no="21/PGQ",limit="2025-01-14",cost="0",d="bt",state="đang giải quyết")
R(22,"EL","2024-11-11",valid="2024-11-11",ref="2024-11-13",grounds="đ",refreason="Yêu cầu toàn bộ hồ sơ 2018–2024 của mọi dự án, vượt quá khả năng đáp ứng",complaint="2024-11-25",d="bt",state="từ chối")
R(23,"EL","2024-09-16",foreign="có",case="23(3)",valid="2024-09-16",prov="2024-09-18",d="xd",state="đã cung cấp")
# Postal
R(24,"PO","2024-03-25",valid="2024-03-25",notice="2024-03-26",notice_no="24/PGQ",limit="2024-04-01",cost="45000",paydl="2024-03-28",paid="2024-03-27",prov="2024-03-29",note="5 trang A4 × 3.000 đ + cước 30.000 đ",state="đã cung cấp")
R(25,"PO","2024-10-01",valid="2024-10-01",cx="c",notice="2024-10-03",notice_no="25/PGQ",limit="2024-10-22",cost="120000",paydl="2024-10-18",paid="2024-10-18",prov="2024-10-21",d="bt",note="30 trang A4 × 3.000 đ + cước 30.000 đ",state="đã cung cấp")
R(26,"PO","2024-06-17",valid="2024-06-17",notice="2024-06-18",notice_no="26/PGQ",limit="2024-06-24",cost="90000",paydl="2024-06-21",ref="2024-06-24",grounds="e",refreason="Người yêu cầu không thanh toán chi phí trước hạn 21/06/2024",note="20 trang A4 × 3.000 đ + cước 30.000 đ",state="từ chối")
R(27,"PO","2024-07-15",valid="2024-07-15",cx="c",prov="2024-08-09",d="bt",state="đã cung cấp",note="Không gửi thông báo thời hạn; trả lời chậm")
R(28,"PO","2024-08-12",valid="2024-08-12",ref="2024-08-13",grounds="c",refreason="Thông tin do Sở Xây dựng tỉnh Mẫu tạo ra; đề nghị liên hệ Sở Xây dựng",d="xd",state="từ chối")
R(32,"PO","2024-09-09",valid="2024-09-09",cx="c",notice="2024-09-11",notice_no="32/PGQ",limit="2024-09-30",cost="0",ext="2024-10-02",extuntil="2024-10-15",prov="2024-10-11",d="bt",state="đã cung cấp",note="Thông báo gia hạn sau khi hết thời hạn")
# Fax
R(29,"FX","2024-04-08",valid="2024-04-08",prov="2024-04-11",d="kh",state="đã cung cấp")
R(30,"FX","2024-10-21",cond="bí mật kinh doanh",consent="Văn bản chấp thuận ngày 25/10/2024 của Công ty Mẫu",guid="2024-10-21",guidnote="Thiếu văn bản chấp thuận (Mẫu 06)",valid="2024-10-28",prov="2024-10-31",d="xd",state="đã cung cấp")
R(34,"FX","2024-11-18",cond="bí mật cá nhân",consent="Văn bản chấp thuận ngày 15/11/2024 của người có thông tin",valid="2024-11-18",cx="c",notice="2024-11-19",notice_no="34/PGQ",limit="2024-12-09",cost="0",prov="2024-12-06",d="bt",state="đã cung cấp")
# Deliberate inconsistencies and requests outside 2024
R(31,"EL","2024-05-06",valid="2024-05-06",ref="2024-05-08",refreason="Không cung cấp được",d="ns",state="từ chối",note="Từ chối không nêu căn cứ")
R(33,"IP","2024-10-14",reason="",valid="2024-10-14",cx="c",notice="2024-10-15",notice_no="33/PGQ",limit="2024-10-28",cost="0",prov="2024-10-25",d="bt",state="đã cung cấp",note="Phiếu thiếu lý do, mục đích nhưng đã coi là hợp lệ")
R(37,"EL","2024-12-02",case="23(1)(a)",valid="2024-12-02",ref="2024-12-03",grounds="b",refreason="Thông tin thuộc diện phải công khai",d="kh",state="từ chối",note="Căn cứ b cho trường hợp khoản 1 Điều 23")
R(35,"EL","2025-01-06",valid="2025-01-06",prov="2025-01-07",d="kh",state="đã cung cấp")
R(36,"IP","2023-12-27",valid="2023-12-27",cx="c",notice="2023-12-28",notice_no="36/PGQ",limit="2024-01-11",cost="0",prov="2024-01-05",d="bt",state="đã cung cấp")
def key(r):
    a,b = r["received"].split("/")[2], r["received"]
    dd,mm,yy = b.split("/"); return (yy,mm,dd)
rows.sort(key=key)
# Số thứ tự follows the order of receipt within each year, as in a register book.
ren = {}
seq = {}
for r in rows:
    y = r["received"].split("/")[2]
    seq[y] = seq.get(y, 0) + 1
    new = f"{seq[y]:02d}/{y}"
    ren[r["id"]] = new
    r["id"] = new
    r["receipt_no"] = f"{seq[y]:02d}/PTN"
    if r["notice_no"]: r["notice_no"] = f"{seq[y]:02d}/PGQ"
for r in rows:
    r["refreason"] = r["refreason"].replace("yêu cầu 17/2024, 18/2024", f"yêu cầu {ren['17/2024']}, {ren['18/2024']}")

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "so-theo-doi-2024.csv"),"w",newline="",encoding="utf-8") as f:
    w=csv.writer(f); w.writerow(H)
    for r in rows: w.writerow([r[k] for k in K])
