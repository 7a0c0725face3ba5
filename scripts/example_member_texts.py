"""Part A of each member's bản tự kiểm điểm in the example đảng bộ (scripts/build_example_workbook.py).

The members are built from a few example files (examples/chi-bo-khu-pho-5/dv-*.json, ban-tu-kiem-diem-02a/02b/02c),
whose prose is the same in all of them; here each member gets their own: what they do, what they did this year and
what they fell short in, in line with their score, their self-rating and their role. Keyed by the member's name as
printed; each value maps a dotted path of the bản tự kiểm điểm to its new value (None removes the field), and
"kiem_diem" replaces part A as a whole. The task counts (nhiem_vu) and the faults named at the previous review
(khac_phuc_ky_truoc) are the ones the text states; none changes a member's level, which the script checks.

Chi bộ Khu phố 5 and 6: members with a post in the khu phố (tổ dân phố, Ban Công tác Mặt trận, chi hội, Tổ bảo vệ an
ninh, trật tự), hence Mẫu 02B; the retired member without a post (Phạm Thị Hồng Nhung, Mẫu 02C) keeps her file's text.
Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường: the phường's công chức, its Chánh Văn phòng (Mẫu 02A) as bí thư.
Chi bộ Khu phố 5's own report (examples/dang-bo-2025/bao-cao-chi-bo-khu-pho-5.yaml) names its bí thư, phó bí thư and
the tổ dân phố số 3 it fell short in; the members' texts agree with it.
"""

from __future__ import annotations

TEXTS: dict[str, dict] = {
    # ---- Chi bộ Khu phố 5 ------------------------------------------------------------------------------------
    "Nguyễn Văn An": {  # 27 + 66 = 93, HTXSNV
        "dang_vien.don_vi_cong_tac": "Tổ dân phố số 2, Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 8, "so_hoan_thanh": 8, "so_dung_tien_do": 8, "so_vuot_muc": 3},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Kiên định lập trường chính trị, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tích cực tuyên truyền để nhân dân trong tổ dân phố hiểu và thực hiện các quy định của phường.",
                    "Sống giản dị, gần gũi với bà con; gia đình nhiều năm liền đạt danh hiệu “Gia đình văn hóa”; không vi phạm những điều đảng viên không được làm.",
                    "Dự đủ 12/12 kỳ sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng hạn; giải quyết công việc của tổ dân phố công khai, dân chủ, đúng hẹn với dân.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Tổ trưởng Tổ dân phố số 2, được chi bộ và phường giao 8 nhiệm vụ trong năm; hoàn thành 8/8 nhiệm vụ đúng tiến độ, trong đó 3 nhiệm vụ hoàn thành vượt mức:",
                    "- Vận động 4 hộ ở ngõ 12 phố Đội Cấn tự nguyện hiến đất, mở rộng lòng ngõ lên trên 2 m, không phát sinh khiếu nại;",
                    "- Thu quỹ “Vì người nghèo” của tổ đạt 11.200.000 đồng, bằng 140% kế hoạch;",
                    "- 97% hộ gia đình trong tổ đạt danh hiệu “Gia đình văn hóa”, vượt chỉ tiêu 2%.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; việc làm theo tấm gương đạo đức Hồ Chí Minh đã đăng ký là mỗi tháng dành một buổi tối tiếp nhận ý kiến của bà con trong tổ, đã thực hiện đủ 12 buổi.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc nắm tình hình người thuê trọ, tạm trú trong tổ có lúc chưa kịp thời; tỷ lệ hộ dự họp tổ dân phố mới đạt khoảng 70%, một số hộ trẻ ít tham gia.",
                "nguyen_nhan": "Số hộ cho thuê trọ tăng sau khi sáp nhập tổ dân phố; bản thân chưa đổi mới cách thông báo, tổ chức họp tổ cho phù hợp với người đi làm cả ngày.",
            },
            "khac_phuc": "Kỳ kiểm điểm năm 2024 không chỉ ra hạn chế, khuyết điểm nào của bản thân.",
            "phuong_huong": [
                "- Phối hợp với Công an phường rà soát hằng quý các hộ cho thuê trọ, cập nhật đầy đủ người tạm trú;",
                "- Tổ chức họp tổ dân phố vào buổi tối cuối tuần, gửi thông báo trước qua nhóm tin nhắn của tổ;",
                "- Tiếp tục vận động các hộ còn lại ở ngõ 12 cùng tham gia chỉnh trang ngõ.",
            ],
        },
    },
    "Trần Thị Bình": {  # 27 + 64 = 91, HTXSNV; Bí thư Chi bộ (báo cáo của chi bộ)
        "dang_vien.don_vi_cong_tac": "Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 4},
        "khac_phuc_ky_truoc": {"so_han_che": 2, "so_da_khac_phuc": 2},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Có lập trường chính trị vững vàng; nghiên cứu, quán triệt kịp thời nghị quyết của Đảng ủy phường và cụ thể hóa thành kế hoạch của chi bộ.",
                    "Giữ gìn đạo đức, lối sống giản dị, trung thực; gương mẫu trong gia đình và nơi cư trú, được đảng viên và nhân dân khu phố tín nhiệm.",
                    "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; chủ trì đủ 12/12 kỳ sinh hoạt chi bộ vào ngày 05 hằng tháng.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Bí thư Chi bộ Khu phố 5, được giao 10 nhiệm vụ trong năm; hoàn thành 10/10 nhiệm vụ đúng tiến độ, trong đó 4 nhiệm vụ hoàn thành vượt mức:",
                    "- Chỉ đạo vận động quỹ “Vì người nghèo” toàn khu phố đạt 38.400.000 đồng, bằng 128% kế hoạch;",
                    "- Tỷ lệ gia đình văn hóa của khu phố đạt 96%; 100% hộ gia đình ký cam kết không vi phạm trật tự đô thị;",
                    "- Cùng chi ủy bồi dưỡng, đề nghị kết nạp 01 đảng viên mới và xét chuyển chính thức 01 đảng viên đúng thời hạn;",
                    "- Hoàn thành việc sắp xếp tổ dân phố theo chủ trương của cấp trên trước thời hạn 15 ngày, không để gián đoạn công việc của nhân dân.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; việc làm theo gương Bác đã đăng ký là trực tiếp tiếp nhận, trả lời ý kiến của nhân dân tại các buổi họp khu phố, trong năm đã trả lời 27 ý kiến.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Nội dung sinh hoạt chuyên đề của chi bộ có lúc chưa sâu, tỷ lệ đảng viên phát biểu ý kiến chưa cao; việc kiểm tra, đôn đốc thực hiện nghị quyết ở tổ dân phố số 3, nhất là thu gom rác thải đúng giờ, chưa thường xuyên.",
                "nguyen_nhan": "Bản thân chưa dành nhiều thời gian chuẩn bị đề cương sinh hoạt chuyên đề; một số đảng viên cao tuổi, sức khỏe hạn chế nên ngại phát biểu; lịch kiểm tra tổ dân phố chưa được xây dựng cụ thể.",
            },
            "khac_phuc": "Hai hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024 (chưa lập sổ theo dõi đảng viên giữ mối liên hệ với nơi cư trú; tỷ lệ đảng viên dự sinh hoạt chưa đạt 90%) đã được khắc phục: sổ theo dõi lập xong từ tháng 3/2025, tỷ lệ dự sinh hoạt bình quân năm 2025 đạt 94%.",
            "trach_nhiem_tap_the": "Là Bí thư Chi bộ, bản thân chịu trách nhiệm chung về những hạn chế của chi bộ trong sinh hoạt chuyên đề và trong việc kiểm tra, đôn đốc thực hiện nghị quyết ở tổ dân phố số 3.",
            "phuong_huong": [
                "- Mỗi quý chuẩn bị ít nhất 01 chuyên đề sinh hoạt gắn với việc cụ thể của khu phố, giao đảng viên chuẩn bị ý kiến trước;",
                "- Xây dựng lịch kiểm tra hằng tháng ở tổ dân phố số 3, nghe đồng chí Phó Bí thư báo cáo tại các kỳ sinh hoạt chi bộ;",
                "- Động viên đảng viên cao tuổi gửi ý kiến bằng văn bản khi không phát biểu trực tiếp.",
            ],
        },
    },
    "Lê Hoàng Cường": {  # 27 + 63 = 90, HTXSNV; Phó Bí thư Chi bộ (báo cáo của chi bộ)
        "dang_vien.don_vi_cong_tac": "Ban Công tác Mặt trận Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 9, "so_hoan_thanh": 9, "so_dung_tien_do": 9, "so_vuot_muc": 3},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Trung thành với lý tưởng của Đảng, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; không dao động trước thông tin sai trái trên mạng xã hội và chủ động giải thích cho bà con.",
                    "Đạo đức, lối sống trong sáng, khiêm tốn; đoàn kết với chi ủy và các đoàn thể trong khu phố.",
                    "Thực hiện đúng quy chế làm việc của chi ủy, dự đủ các kỳ sinh hoạt, đóng đảng phí đúng quy định; việc được phân công đều báo cáo kết quả với chi ủy.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Phó Bí thư Chi bộ, Trưởng Ban Công tác Mặt trận Khu phố 5, được giao 9 nhiệm vụ trong năm; hoàn thành 9/9 nhiệm vụ đúng tiến độ, trong đó 3 nhiệm vụ vượt mức:",
                    "- Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư với hơn 300 người dân tham dự, vận động được 15.000.000 đồng xã hội hóa;",
                    "- Chủ trì hòa giải thành 5/5 vụ việc mâu thuẫn giữa các hộ dân về lối đi, thoát nước, không để phát sinh đơn thư vượt cấp;",
                    "- Vận động sửa chữa 02 nhà ở cho hộ cận nghèo, vượt kế hoạch 01 nhà.",
                ],
                "cam_ket": "Hoàn thành cam kết tu dưỡng, rèn luyện năm 2025; thực hiện việc làm theo gương Bác là thường xuyên thăm hỏi các gia đình chính sách, người cao tuổi neo đơn trong khu phố.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Được chi bộ giao theo dõi việc thu gom rác thải ở tổ dân phố số 3, nhưng đến cuối năm vẫn còn một số hộ để rác không đúng giờ, không đúng nơi quy định; việc giám sát của Ban Công tác Mặt trận đối với các công trình chỉnh trang trong khu phố có lúc còn hình thức.",
                "nguyen_nhan": "Bản thân chủ yếu tuyên truyền qua loa truyền thanh và các buổi họp, chưa đến từng hộ để vận động; chưa phối hợp chặt chẽ với đơn vị thu gom để bố trí giờ thu phù hợp với người đi làm.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024 (ghi chép biên bản các buổi hòa giải chưa đầy đủ) đã được khắc phục; từ tháng 2/2025, các buổi hòa giải đều có biên bản theo mẫu.",
            "trach_nhiem_tap_the": "Là Phó Bí thư Chi bộ, bản thân chịu trách nhiệm về việc vận động thu gom rác thải ở tổ dân phố số 3 chưa đạt yêu cầu.",
            "phuong_huong": [
                "- Trực tiếp đến từng hộ ở tổ dân phố số 3 vận động để rác đúng giờ, đúng nơi quy định; báo cáo chi bộ kết quả hằng tháng;",
                "- Phối hợp với đơn vị thu gom bố trí thêm một lượt thu vào buổi tối ở đầu ngõ;",
                "- Lập kế hoạch giám sát cụ thể cho từng công trình chỉnh trang, công khai kết quả tại họp khu phố.",
            ],
        },
    },
    "Phạm Minh Dũng": {  # 27 + 58 = 85, HTTNV
        "dang_vien.don_vi_cong_tac": "Chi hội Cựu chiến binh Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 8, "so_hoan_thanh": 8, "so_dung_tien_do": 8, "so_vuot_muc": 2},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Giữ vững bản chất “Bộ đội Cụ Hồ”, kiên định mục tiêu, lý tưởng của Đảng; chấp hành nghiêm chính sách, pháp luật của Nhà nước và quy ước của khu phố.",
                    "Sống chan hòa, giản dị; giữ gìn đoàn kết trong chi bộ, trong Chi hội và với các đoàn thể.",
                    "Dự 12/12 kỳ sinh hoạt chi bộ, đóng đảng phí đúng hạn; làm việc có kế hoạch, báo cáo đầy đủ với chi ủy và Hội Cựu chiến binh phường.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Chi hội trưởng Chi hội Cựu chiến binh Khu phố 5 (42 hội viên), được giao 8 nhiệm vụ trong năm; hoàn thành 8/8 nhiệm vụ đúng tiến độ, trong đó 2 nhiệm vụ vượt mức:",
                    "- Kết nạp 5 hội viên mới, vượt chỉ tiêu 2 hội viên;",
                    "- Vận động hội viên đóng góp 6.500.000 đồng giúp 03 hội viên có hoàn cảnh khó khăn, vượt kế hoạch 30%.",
                    "Chi hội cùng Tổ bảo vệ an ninh, trật tự tuần tra đêm vào các dịp lễ, Tết và được Hội Cựu chiến binh phường công nhận đạt “Chi hội vững mạnh”.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; cùng gia đình gương mẫu chấp hành quy định về trật tự đô thị, phân loại rác tại nguồn.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Nội dung sinh hoạt Chi hội có lúc còn đơn điệu, chủ yếu thông báo tình hình; việc nắm tư tưởng của hội viên cao tuổi, ít đi lại chưa thường xuyên.",
                "nguyen_nhan": "Bản thân chưa chủ động tìm tài liệu để đổi mới nội dung sinh hoạt; chưa phân công cụ thể Chi hội phó theo dõi từng nhóm hội viên.",
            },
            "khac_phuc": "Kỳ kiểm điểm trước không chỉ ra hạn chế, khuyết điểm nào đối với bản thân.",
            "phuong_huong": [
                "- Mỗi quý tổ chức ít nhất 01 buổi sinh hoạt chuyên đề về truyền thống, thời sự cho hội viên;",
                "- Phân công Chi hội phó và các tổ trưởng hội viên thăm hỏi, nắm tình hình hội viên cao tuổi hằng tháng.",
            ],
        },
    },
    "Hoàng Thị Én": {  # 27 + 57 = 84, HTTNV
        "dang_vien.don_vi_cong_tac": "Chi hội Phụ nữ Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 7, "so_hoan_thanh": 7, "so_dung_tien_do": 7, "so_vuot_muc": 2},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; kinh doanh tạp hóa tại gia đình đúng quy định, kê khai, nộp thuế đầy đủ, không bày hàng lấn chiếm vỉa hè.",
                    "Sống trung thực, cởi mở, giữ gìn hạnh phúc gia đình; đoàn kết, giúp đỡ chị em trong khu phố.",
                    "Tham gia đầy đủ sinh hoạt chi bộ, đóng đảng phí đúng quy định; thực hiện tốt sự phân công của chi ủy.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Chi hội trưởng Chi hội Phụ nữ Khu phố 5, được giao 7 nhiệm vụ trong năm; hoàn thành 7/7 nhiệm vụ đúng tiến độ, trong đó 2 nhiệm vụ vượt mức:",
                    "- Duy trì tổ tiết kiệm của Chi hội với 25 thành viên, giúp 4 hội viên vay không lãi tổng số 40.000.000 đồng để buôn bán nhỏ;",
                    "- Vận động 100% hội viên tham gia “Ngày Chủ nhật xanh”, làm mới 3 bồn hoa ở đầu các ngõ.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; việc làm theo gương Bác đã đăng ký là dùng túi giấy, hạn chế túi ni lông khi bán hàng, thực hiện từ tháng 4/2025.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc tuyên truyền phân loại rác tại nguồn ở tổ dân phố số 3 chưa đạt kết quả như mong muốn, nhiều hộ vẫn chưa phân loại; số hội viên trẻ tham gia sinh hoạt Chi hội còn ít.",
                "nguyen_nhan": "Bản thân bận việc kinh doanh nên thời gian đến từng hộ vận động còn ít; hình thức sinh hoạt Chi hội chưa hấp dẫn với chị em trẻ đi làm cả ngày.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm trước (tuyên truyền về phân loại rác tại nguồn chưa hiệu quả) đang được khắc phục: Chi hội đã phối hợp tổ chức 02 buổi tuyên truyền ở tổ dân phố số 3, tiếp tục thực hiện đến hết quý I/2026.",
            "phuong_huong": [
                "- Cùng tổ dân phố số 3 đến từng hộ hướng dẫn phân loại rác, mỗi tháng kiểm tra ít nhất một lần;",
                "- Tổ chức sinh hoạt Chi hội vào tối thứ Bảy, lồng ghép nội dung nuôi dạy con, chăm sóc sức khỏe để thu hút hội viên trẻ.",
            ],
        },
    },
    "Vũ Đức Giang": {  # 27 + 55 = 82, HTTNV
        "dang_vien.don_vi_cong_tac": "Tổ bảo vệ an ninh, trật tự Khu phố 5, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 8, "so_hoan_thanh": 8, "so_dung_tien_do": 8, "so_vuot_muc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Có lập trường, quan điểm chính trị vững vàng; chấp hành nghiêm sự chỉ đạo của Đảng ủy, Công an phường và sự phân công của chi bộ.",
                    "Lối sống giản dị, trung thực; quan hệ đúng mực, hòa nhã với người dân khi làm nhiệm vụ.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; chấp hành đúng lịch trực và quy trình công tác của Tổ.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Tổ phó Tổ bảo vệ an ninh, trật tự Khu phố 5, được giao 8 nhiệm vụ trong năm; hoàn thành 8/8 nhiệm vụ đúng tiến độ, trong đó 1 nhiệm vụ vượt mức:",
                    "- Tham gia 96 ca tuần tra, trực đêm; phát hiện, báo Công an phường xử lý 3 vụ việc gây mất trật tự;",
                    "- Phối hợp tuyên truyền phòng cháy, chữa cháy cho 38 hộ kinh doanh, 100% hộ đã trang bị bình chữa cháy, vượt chỉ tiêu 15%;",
                    "- Hướng dẫn 120 lượt người dân sử dụng tài khoản định danh điện tử và nhận biết các thủ đoạn lừa đảo qua mạng.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; gương mẫu chấp hành quy định về an toàn giao thông, phòng cháy, chữa cháy tại gia đình.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc nắm tình hình người đến tạm trú ở các nhà cho thuê chưa đầy đủ, có trường hợp sau hơn một tháng mới được cập nhật; kỹ năng ghi chép, lập biên bản ban đầu còn lúng túng.",
                "nguyen_nhan": "Bản thân chưa chủ động phối hợp với tổ trưởng tổ dân phố và các chủ nhà cho thuê; chưa tự học thêm nghiệp vụ ngoài các buổi tập huấn.",
            },
            "khac_phuc": "Không có hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước.",
            "phuong_huong": [
                "- Hằng tháng cùng tổ trưởng tổ dân phố rà soát các nhà cho thuê trọ, báo Công an phường kịp thời;",
                "- Tham gia đầy đủ các lớp bồi dưỡng nghiệp vụ do Công an phường tổ chức, luyện lập biên bản theo mẫu.",
            ],
        },
    },
    # ---- Chi bộ Khu phố 6 (Phạm Thị Hồng Nhung keeps the text of ban-tu-kiem-diem-02c.json) ----------------------
    "Đặng Thu Hà": {  # 27 + 53 = 80, HTTNV
        "dang_vien.don_vi_cong_tac": "Ban Công tác Mặt trận Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 6, "so_hoan_thanh": 6, "so_dung_tien_do": 6, "so_vuot_muc": 1},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tuyên truyền, vận động nhân dân khu phố đồng thuận với chủ trương sắp xếp đơn vị hành chính của cấp trên.",
                    "Giữ gìn phẩm chất đạo đức, lối sống giản dị, khiêm tốn; gần dân, lắng nghe ý kiến của nhân dân.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng hạn; thực hiện đúng quy chế phối hợp giữa chi bộ và Ban Công tác Mặt trận.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Trưởng Ban Công tác Mặt trận Khu phố 6, được giao 6 nhiệm vụ trong năm; hoàn thành 6/6 nhiệm vụ đúng tiến độ, trong đó 1 nhiệm vụ vượt mức: vận động quỹ “Vì người nghèo” đạt 31.500.000 đồng, bằng 105% kế hoạch.",
                    "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư; tổng hợp 18 ý kiến, kiến nghị của nhân dân gửi Ủy ban Mặt trận Tổ quốc phường, đến nay 15 ý kiến đã được trả lời.",
                ],
                "cam_ket": "Thực hiện cam kết tu dưỡng, rèn luyện năm 2025; tham gia đầy đủ các buổi tiếp xúc cử tri và phản ánh trung thực ý kiến của nhân dân.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc giám sát của Ban Công tác Mặt trận đối với việc chỉnh trang hè phố trong khu phố còn ít, chủ yếu qua phản ánh của người dân; việc theo dõi kết quả trả lời kiến nghị của nhân dân chưa thường xuyên.",
                "nguyen_nhan": "Bản thân chưa nắm vững nghiệp vụ giám sát, phản biện xã hội; các thành viên Ban phần lớn cao tuổi, việc phân công chưa hợp lý.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm trước (hồ sơ, sổ sách của Ban Công tác Mặt trận ghi chép chưa đầy đủ) đã được khắc phục từ quý I năm 2025.",
            "phuong_huong": [
                "- Xây dựng kế hoạch giám sát năm 2026, mỗi quý ít nhất 01 nội dung gắn với việc cụ thể của khu phố;",
                "- Lập sổ theo dõi kiến nghị của nhân dân, báo cáo kết quả giải quyết tại các buổi họp khu phố.",
            ],
        },
    },
    "Bùi Quang Khải": {  # 24 + 54 = 78, HTTNV
        "dang_vien.don_vi_cong_tac": "Tổ bảo vệ an ninh, trật tự Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 9, "so_hoan_thanh": 9, "so_dung_tien_do": 9, "so_vuot_muc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Kiên định lập trường chính trị, chấp hành nghiêm các quy định của Đảng, pháp luật của Nhà nước; chủ động bác bỏ những thông tin sai sự thật về an ninh, trật tự trên các nhóm mạng xã hội của khu phố.",
                    "Sống giản dị, hòa nhã; giữ mối quan hệ tốt với các hộ dân và với lực lượng Công an phường.",
                    "Dự 11/12 kỳ sinh hoạt chi bộ, vắng 01 kỳ có báo cáo vì trùng ca trực; đóng đảng phí đúng quy định.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Tổ trưởng Tổ bảo vệ an ninh, trật tự Khu phố 6 (5 thành viên), được giao 9 nhiệm vụ trong năm; hoàn thành 9/9 nhiệm vụ đúng tiến độ:",
                    "- Duy trì tuần tra 3 đêm mỗi tuần, các dịp lễ, Tết trực 24/24 giờ; trong năm khu phố không xảy ra trộm cắp tài sản có giá trị lớn;",
                    "- Phối hợp với Công an phường rà soát, cập nhật thông tin cư trú của 214 hộ và 63 người tạm trú;",
                    "- Tham gia giải quyết 4 vụ va chạm giao thông, tranh chấp nhỏ ngay tại cơ sở.",
                ],
                "cam_ket": "Thực hiện cam kết tu dưỡng, rèn luyện năm 2025; gương mẫu trong việc giữ gìn trật tự, vệ sinh nơi ở.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc sinh hoạt, rút kinh nghiệm của Tổ chưa đều đặn hằng tháng; sổ nhật ký tuần tra có tháng ghi chép chưa đầy đủ; còn 01 lần vắng sinh hoạt chi bộ.",
                "nguyen_nhan": "Bản thân còn nể nang, chưa nhắc nhở thành viên ghi chép đúng quy định; sắp xếp lịch trực chưa khoa học nên có lúc trùng với ngày sinh hoạt chi bộ.",
            },
            "khac_phuc": "Kỳ kiểm điểm năm 2024 không nêu hạn chế, khuyết điểm nào phải khắc phục đối với bản thân.",
            "phuong_huong": [
                "- Tổ chức họp Tổ vào ngày 25 hằng tháng, kiểm tra sổ nhật ký tuần tra;",
                "- Bố trí lịch trực tránh ngày sinh hoạt chi bộ, bảo đảm dự đủ các kỳ sinh hoạt.",
            ],
        },
    },
    "Đỗ Thị Lan": {  # 24 + 52 = 76, HTTNV
        "dang_vien.don_vi_cong_tac": "Chi hội Phụ nữ Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 7, "so_hoan_thanh": 7, "so_dung_tien_do": 7, "so_vuot_muc": 0},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, nhất là chính sách dân số, chăm sóc sức khỏe bà mẹ, trẻ em.",
                    "Sống giản dị, chân thành; quan tâm, chia sẻ với hội viên có hoàn cảnh khó khăn.",
                    "Tham gia sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; làm việc nhiệt tình, đúng hẹn với hội viên.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Chi hội trưởng Chi hội Phụ nữ Khu phố 6, kiêm cộng tác viên dân số, được giao 7 nhiệm vụ trong năm; hoàn thành 7/7 nhiệm vụ đúng tiến độ:",
                    "- Cập nhật biến động dân số của 186 hộ gia đình hằng tháng, đúng thời hạn;",
                    "- Vận động 28 chị em tham gia khám sàng lọc ung thư vú, ung thư cổ tử cung;",
                    "- Kết nạp thêm 9 hội viên mới, nâng tổng số hội viên của Chi hội lên 104 người.",
                ],
                "cam_ket": "Thực hiện cam kết tu dưỡng, rèn luyện năm 2025; học tập và làm theo Bác bằng việc giúp 02 hội viên đơn thân nuôi con tìm được việc làm ổn định.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Chi hội chưa xây dựng được mô hình mới, các hoạt động còn theo nếp cũ; việc phát biểu, đóng góp ý kiến xây dựng trong sinh hoạt chi bộ còn ít.",
                "nguyen_nhan": "Bản thân chưa mạnh dạn đề xuất cách làm mới; còn tâm lý nể nang, ngại va chạm khi góp ý đồng chí, đồng nghiệp.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm trước (có tháng cập nhật số liệu dân số còn chậm) đã được khắc phục; năm 2025 số liệu được gửi đúng hạn cả 12 tháng.",
            "phuong_huong": [
                "- Năm 2026 đăng ký xây dựng mô hình “Tổ phụ nữ tự quản giữ gìn vệ sinh ngõ phố”;",
                "- Chuẩn bị trước ý kiến và mạnh dạn phát biểu, góp ý tại mỗi kỳ sinh hoạt chi bộ.",
            ],
        },
    },
    "Ngô Văn Minh": {  # 24 + 51 = 75, HTTNV
        "dang_vien.don_vi_cong_tac": "Chi hội Cựu chiến binh Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 6, "so_hoan_thanh": 6, "so_dung_tien_do": 6, "so_vuot_muc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Luôn phát huy truyền thống của người lính, tin tưởng vào sự lãnh đạo của Đảng; chấp hành nghiêm chính sách, pháp luật của Nhà nước.",
                    "Giữ gìn đạo đức, lối sống lành mạnh; xây dựng gia đình hòa thuận, không vi phạm những điều đảng viên không được làm.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; tuy vậy tác phong làm việc có lúc còn chậm, chưa khoa học.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Chi hội trưởng Chi hội Cựu chiến binh Khu phố 6 (36 hội viên), được giao 6 nhiệm vụ trong năm; hoàn thành 6/6 nhiệm vụ đúng tiến độ, bảo đảm yêu cầu:",
                    "- Tổ chức sinh hoạt Chi hội đúng định kỳ; thăm hỏi, động viên 7 hội viên ốm đau;",
                    "- Phối hợp với tổ dân phố vận động 12 hộ tháo dỡ mái che, biển quảng cáo lấn chiếm vỉa hè;",
                    "- Cùng Hội Cựu chiến binh phường tổ chức cho 20 hội viên về thăm chiến trường xưa nhân kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước.",
                ],
                "cam_ket": "Thực hiện cam kết tu dưỡng, rèn luyện năm 2025; cùng gia đình tham gia đầy đủ các phong trào của khu phố.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Chưa có nhiều biện pháp thu hút các cựu quân nhân trẻ mới về cư trú tham gia Hội; hồ sơ hội viên chủ yếu ghi tay, việc tra cứu, báo cáo còn chậm.",
                "nguyen_nhan": "Bản thân chưa chủ động nắm danh sách quân nhân xuất ngũ về khu phố; kỹ năng sử dụng máy tính còn yếu, chưa dành thời gian học.",
            },
            "khac_phuc": "Ở kỳ kiểm điểm trước, bản thân không có hạn chế, khuyết điểm nào được chỉ ra.",
            "phuong_huong": [
                "- Phối hợp với Ban Chỉ huy quân sự phường nắm danh sách quân nhân xuất ngũ về khu phố, vận động vào Hội;",
                "- Nhờ đồng chí Chi hội phó hướng dẫn, đến quý II/2026 chuyển toàn bộ hồ sơ hội viên sang máy tính.",
            ],
        },
    },
    "Dương Thị Ngọc": {  # 24 + 48 = 72, HTTNV
        "dang_vien.don_vi_cong_tac": "Tổ dân phố số 9, Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 8, "so_hoan_thanh": 8, "so_dung_tien_do": 8, "so_vuot_muc": 0},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; kinh doanh hàng ăn sáng tại nhà đúng quy định về an toàn thực phẩm, không lấn chiếm vỉa hè.",
                    "Sống giản dị, cởi mở, được bà con trong tổ tín nhiệm bầu làm tổ trưởng.",
                    "Tham gia sinh hoạt chi bộ tương đối đầy đủ (vắng 01 kỳ có báo cáo), đóng đảng phí đúng quy định; có lúc làm việc với dân còn chưa đúng giờ hẹn.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là Tổ trưởng Tổ dân phố số 9 (158 hộ), được giao 8 nhiệm vụ trong năm; hoàn thành 8/8 nhiệm vụ đúng tiến độ, nhưng kết quả một số việc chưa cao:",
                    "- Thu các khoản đóng góp, quỹ của tổ đạt 100% kế hoạch;",
                    "- Phối hợp tổ chức 04 đợt tổng vệ sinh ngõ phố, phun thuốc phòng sốt xuất huyết;",
                    "- Tổng hợp, báo cáo đầy đủ danh sách hộ cận nghèo, người cao tuổi được hưởng chính sách.",
                ],
                "cam_ket": "Thực hiện cam kết tu dưỡng, rèn luyện năm 2025; vận động gia đình và khách hàng hạn chế dùng đồ nhựa dùng một lần.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Tỷ lệ hộ đạt danh hiệu “Gia đình văn hóa” của tổ mới đạt 90%, thấp hơn bình quân của khu phố; họp tổ dân phố có lúc chưa đúng lịch, thông báo đến các hộ chưa đầy đủ.",
                "nguyen_nhan": "Bản thân dành nhiều thời gian cho việc kinh doanh của gia đình; chưa phân công tổ phó và các đảng viên trong tổ cùng vận động.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm trước (thời gian làm việc với nhân dân chưa đúng giờ) mới khắc phục được một phần, cần tiếp tục khắc phục trong năm 2026.",
            "phuong_huong": [
                "- Cố định lịch họp tổ vào tối Chủ nhật đầu tháng, thông báo trước 3 ngày;",
                "- Phân công tổ phó, các đảng viên trong tổ mỗi người phụ trách một nhóm hộ, phấn đấu năm 2026 tỷ lệ gia đình văn hóa đạt 95%.",
            ],
        },
    },
    "Lý Văn Phúc": {  # 24 + 41 = 65, HTNV
        "dang_vien.don_vi_cong_tac": "Tổ bảo vệ an ninh, trật tự Khu phố 6, phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 8, "so_hoan_thanh": 8, "so_dung_tien_do": 7, "so_vuot_muc": 0},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống.",
                    "Lối sống giản dị, đoàn kết với mọi người trong khu phố.",
                    "Ý thức tổ chức kỷ luật có mặt chưa tốt: vắng 02 kỳ sinh hoạt chi bộ (có báo cáo), có lần đóng đảng phí chậm phải nhắc nhở.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là tổ viên Tổ bảo vệ an ninh, trật tự Khu phố 6, được giao 8 nhiệm vụ trong năm; hoàn thành 8/8 nhiệm vụ, trong đó 7 nhiệm vụ đúng tiến độ, 01 nhiệm vụ hoàn thành chậm.",
                    "Đã tham gia tuần tra theo lịch của Tổ, cùng Công an phường tuyên truyền phòng, chống ma túy tại khu dân cư; việc rà soát người tạm trú ở hai ngõ được phân công hoàn thành chậm 10 ngày so với yêu cầu.",
                ],
                "cam_ket": "Thực hiện chưa đầy đủ cam kết tu dưỡng, rèn luyện năm 2025, nhất là việc tham gia sinh hoạt chi bộ và đóng đảng phí đúng hạn.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc rà soát người tạm trú được phân công hoàn thành chậm 10 ngày; có 3 ca tuần tra phải đổi ca, nhờ người trực thay; vắng 02 kỳ sinh hoạt chi bộ.",
                "nguyen_nhan": "Nguyên nhân chủ yếu do bản thân chưa sắp xếp hợp lý giữa công việc lái xe dịch vụ của gia đình và nhiệm vụ được giao; có lúc còn chủ quan, chưa thực sự cố gắng.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm trước (tham gia tuần tra chưa đều) mới khắc phục được một phần, năm 2025 vẫn còn phải đổi ca.",
            "phuong_huong": [
                "- Lập lịch cá nhân, ưu tiên các ca tuần tra và ngày sinh hoạt chi bộ; không đổi ca trừ trường hợp bất khả kháng;",
                "- Đóng đảng phí ngay trong kỳ sinh hoạt đầu tháng;",
                "- Hằng tuần báo cáo Tổ trưởng tiến độ việc được giao để kịp thời điều chỉnh.",
            ],
        },
    },
    # ---- Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường -------------------------------------------------------
    "Lê Văn Đạt": {  # 28 + 63,5 = 91,5, HTXSNV (Mẫu 02A); cut by the quota of leaders
        "dang_vien.chuc_vu_dang": "Bí thư Chi bộ Văn phòng Đảng ủy – HĐND – UBND phường",
        "dang_vien.chuc_vu_chinh_quyen": "Chánh Văn phòng HĐND và UBND phường Ba Đình",
        "dang_vien.chuc_vu_doan_the": "Ủy viên Ban Chấp hành Công đoàn cơ quan phường",
        "dang_vien.don_vi_cong_tac": "Văn phòng HĐND và UBND phường Ba Đình",
        "lanh_dao.don_vi_truc_thuoc": None,  # the Văn phòng has no unit under it (the school of the source file had 32)
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Có bản lĩnh chính trị vững vàng, kiên định mục tiêu, lý tưởng của Đảng; chấp hành nghiêm chủ trương của Trung ương, Thành ủy và Đảng ủy phường về sắp xếp tổ chức bộ máy, vận hành chính quyền địa phương hai cấp.",
                    "Giữ gìn đạo đức, lối sống giản dị, trong sáng; không có biểu hiện suy thoái, “tự diễn biến”, “tự chuyển hóa”; gương mẫu thực hiện trách nhiệm nêu gương của người đứng đầu cơ quan.",
                    "Thực hiện nghiêm nguyên tắc tập trung dân chủ; công khai việc phân công nhiệm vụ, đánh giá công chức trong Văn phòng; chấp hành đúng quy chế làm việc của Đảng ủy, UBND phường.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Được giao 10 nhiệm vụ trong năm; hoàn thành 10/10 nhiệm vụ đúng tiến độ, bảo đảm chất lượng, trong đó 3 nhiệm vụ hoàn thành vượt mức:",
                    "- Tham mưu UBND phường ban hành quy chế làm việc và quy trình nội bộ giải quyết thủ tục hành chính 10 ngày sau khi phường mới đi vào hoạt động ngày 01/7/2025;",
                    "- Chỉ đạo đưa vào sử dụng thống nhất hệ thống quản lý văn bản, hồ sơ công việc trên toàn phường, 98% văn bản đi được ký số;",
                    "- Phục vụ chu đáo 04 kỳ họp của HĐND phường và 46 cuộc họp, hội nghị của Đảng ủy, UBND phường, không để xảy ra sai sót.",
                ],
                "lanh_dao_quan_ly": [
                    "Văn phòng HĐND và UBND phường (18 công chức) được giao 15 nhiệm vụ trọng tâm; hoàn thành 15/15 nhiệm vụ đúng tiến độ, trong đó 5 nhiệm vụ vượt mức; 100% hồ sơ thủ tục hành chính thuộc lĩnh vực của Văn phòng được giải quyết đúng hạn.",
                    "Chỉ đạo thực hiện nghiêm công khai tài chính, tài sản công; không để xảy ra tham nhũng, lãng phí, tiêu cực; trong năm không có công chức của Văn phòng bị xử lý kỷ luật.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện, phấn đấu năm 2025; việc làm theo tấm gương đạo đức Hồ Chí Minh đã đăng ký là mỗi tuần dành một buổi trực tiếp kiểm tra việc tiếp nhận, trả kết quả hồ sơ cho người dân.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc chỉ đạo chỉnh lý tài liệu lưu trữ tiếp nhận từ các phường cũ chưa quyết liệt, khối lượng tài liệu chưa chỉnh lý còn lớn; một số văn bản tham mưu của Văn phòng còn phải sửa nhiều lần trước khi trình ký.",
                "nguyen_nhan": "Khối lượng công việc tăng nhiều khi vận hành mô hình mới, bản thân tập trung cho nhiệm vụ trước mắt; việc phân công cấp phó theo dõi công tác lưu trữ chưa cụ thể; năng lực của một số công chức mới điều động về chưa đồng đều.",
            },
            "khac_phuc": "Kỳ kiểm điểm năm 2024, bản thân không có hạn chế, khuyết điểm được cấp có thẩm quyền kết luận hoặc chỉ ra.",
            "trach_nhiem_tap_the": "Là Bí thư Chi bộ, bản thân chịu trách nhiệm chính về hạn chế của chi bộ trong việc theo dõi, giúp đỡ đảng viên: chưa kịp thời nhắc nhở, uốn nắn để 01 đảng viên của chi bộ không hoàn thành nhiệm vụ năm 2025.",
            "phuong_huong": [
                "- Giao 01 Phó Chánh Văn phòng trực tiếp phụ trách công tác lưu trữ, hoàn thành chỉnh lý tài liệu tiếp nhận trong năm 2026;",
                "- Duyệt nội dung văn bản tham mưu từ bước dự thảo; tổ chức bồi dưỡng kỹ năng soạn thảo văn bản cho công chức mới;",
                "- Chi ủy phân công đảng viên giúp đỡ đảng viên còn yếu, kiểm tra tiến độ công việc hằng tháng.",
            ],
        },
    },
    "Nguyễn Thị Ngọc Ánh": {  # 27 + 65 = 92, HTXSNV; kept by the quota
        "nhan_xet_chi_bo.nguoi_ky": "Lê Văn Đạt",  # the chi bộ's bí thư (the source file names one who is not in it)
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Có lập trường chính trị vững vàng, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; quản lý văn bản mật đúng quy định về bảo vệ bí mật nhà nước.",
                    "Lối sống giản dị, trung thực, khiêm tốn; đoàn kết, sẵn sàng hỗ trợ đồng nghiệp mới điều động về Văn phòng.",
                    "Chấp hành nghiêm nguyên tắc tập trung dân chủ và nội quy cơ quan; dự đủ 12/12 kỳ sinh hoạt chi bộ, đóng đảng phí đúng quy định.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức văn thư – tổng hợp, được giao 12 nhiệm vụ trong năm; hoàn thành 12/12 nhiệm vụ đúng tiến độ, bảo đảm chất lượng, trong đó 4 nhiệm vụ vượt mức:",
                    "- Tiếp nhận, xử lý 6.842 văn bản đến, phát hành 2.315 văn bản đi, không để thất lạc, chậm trễ;",
                    "- Số hóa 100% hồ sơ một cửa năm 2025 của phường, sớm hơn kế hoạch hai tháng;",
                    "- Xây dựng bộ mẫu báo cáo định kỳ dùng chung cho các tổ dân phố, rút thời gian tổng hợp báo cáo tháng từ 5 ngày xuống 2 ngày;",
                    "- Rút ngắn thời gian trình ký văn bản đi từ 3 ngày làm việc xuống còn 1 ngày.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; tự học và hoàn thành lớp bồi dưỡng kỹ năng chuyển đổi số cho công chức cấp xã.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc nghiên cứu nghị quyết của cấp trên có lúc còn chậm, chủ yếu đọc bản tóm tắt; ý kiến đóng góp trong sinh hoạt chi bộ đôi khi chưa mạnh dạn, chưa nêu được giải pháp.",
                "nguyen_nhan": "Khối lượng văn bản tăng mạnh từ khi sắp xếp đơn vị hành chính, bản thân chưa bố trí thời gian hợp lý cho việc tự học, nghiên cứu.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024 (cập nhật văn bản trên hệ thống quản lý văn bản điện tử còn chậm) đã được khắc phục xong từ quý II năm 2025; văn bản đến đều được cập nhật trong ngày.",
            "phuong_huong": [
                "- Dành ít nhất 02 giờ mỗi tuần nghiên cứu nghị quyết, chỉ thị của Đảng, ghi chép những nội dung vận dụng vào công việc;",
                "- Chuẩn bị trước ý kiến cho các nội dung sinh hoạt chi bộ, mạnh dạn đề xuất giải pháp;",
                "- Hướng dẫn đồng nghiệp mới sử dụng thành thạo hệ thống quản lý văn bản.",
            ],
        },
    },
    "Mai Thị Thu": {  # 27 + 58 = 85, HTTNV
        "dang_vien.ngay_sinh": "1985-10-22",
        "dang_vien.ngay_vao_dang": "2011-11-18",
        "dang_vien.don_vi_cong_tac": "Văn phòng Đảng ủy phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 12, "so_hoan_thanh": 12, "so_dung_tien_do": 12, "so_vuot_muc": 2},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, nhất là các quy định về tài chính đảng và quản lý tài sản công.",
                    "Trung thực, cẩn thận, khách quan trong công việc; không gây phiền hà cho các chi bộ khi kiểm tra chứng từ.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; thực hiện nghiêm chế độ báo cáo, công khai tài chính của cơ quan.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là kế toán Văn phòng Đảng ủy phường, được giao 12 nhiệm vụ trong năm; hoàn thành 12/12 nhiệm vụ đúng tiến độ, bảo đảm chất lượng, trong đó 2 nhiệm vụ vượt mức:",
                    "- Lập và trình duyệt quyết toán ngân sách đảng năm 2024 sớm hơn thời hạn 15 ngày;",
                    "- Tiếp nhận, đối chiếu số dư kinh phí, tài sản của các đảng bộ phường cũ bàn giao trước kế hoạch 01 tháng, không để thất thoát.",
                    "Hướng dẫn các chi bộ trực thuộc thu, nộp đảng phí theo quy định mới; 100% chi bộ nộp đảng phí đúng hạn.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; tự học và hoàn thành chương trình bồi dưỡng kế toán trưởng đơn vị hành chính, sự nghiệp.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc hướng dẫn nghiệp vụ cho người làm công tác thu, chi ở các chi bộ chủ yếu qua điện thoại, chưa tổ chức được buổi tập huấn; một số chứng từ thanh toán còn phải trả lại để bổ sung.",
                "nguyen_nhan": "Khối lượng công việc bàn giao sau sắp xếp lớn; bản thân chưa chủ động đề xuất lịch tập huấn với lãnh đạo Văn phòng Đảng ủy.",
            },
            "khac_phuc": "Không có hạn chế, khuyết điểm nào của bản thân được chỉ ra ở kỳ kiểm điểm năm 2024.",
            "phuong_huong": [
                "- Quý I/2026 đề xuất tổ chức 01 buổi tập huấn nghiệp vụ thu, chi đảng phí cho các chi bộ;",
                "- Soạn bản hướng dẫn hồ sơ, chứng từ thanh toán, gửi các chi bộ và bộ phận liên quan.",
            ],
        },
    },
    "Tô Văn Hiếu": {  # 27 + 57 = 84, HTTNV
        "dang_vien.ngay_sinh": "1987-03-02",
        "dang_vien.ngay_vao_dang": "2014-03-26",
        "dang_vien.don_vi_cong_tac": "Văn phòng HĐND và UBND phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 2},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Giữ vững lập trường chính trị, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia tuyên truyền, phổ biến pháp luật ở khu dân cư.",
                    "Đạo đức, lối sống trong sáng; tận tình hướng dẫn người dân, không để xảy ra phản ánh về thái độ phục vụ.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; thực hiện nghiêm quy trình giải quyết thủ tục hành chính.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức tư pháp – hộ tịch, được giao 10 nhiệm vụ trong năm; hoàn thành 10/10 nhiệm vụ đúng tiến độ, bảo đảm chất lượng, trong đó 2 nhiệm vụ vượt mức:",
                    "- Giải quyết 1.246 hồ sơ đăng ký hộ tịch và 8.350 yêu cầu chứng thực, 100% đúng hạn; 72% hồ sơ hộ tịch được nộp trực tuyến, vượt chỉ tiêu 12%;",
                    "- Tổ chức 8 buổi tuyên truyền pháp luật tại các khu phố, vượt kế hoạch 2 buổi;",
                    "- Hướng dẫn kiện toàn 12 tổ hòa giải ở cơ sở sau khi sắp xếp tổ dân phố.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; giữ đúng lời hứa không nhận quà, tiền của người dân khi giải quyết thủ tục hành chính.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Tài liệu tuyên truyền pháp luật chưa phong phú, chủ yếu là văn bản; việc hướng dẫn người cao tuổi nộp hồ sơ trực tuyến có lúc chưa kiên trì, còn để người dân phải đi lại hai lần.",
                "nguyen_nhan": "Bản thân chưa đầu tư thời gian biên soạn tài liệu ngắn gọn, dễ hiểu; lượng hồ sơ tăng cao vào các tháng cuối năm.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024 (sổ hộ tịch lưu trữ chưa được sắp xếp khoa học) đã được khắc phục: sổ hộ tịch đã được đóng quyển, lập danh mục tra cứu.",
            "phuong_huong": [
                "- Biên soạn tờ gấp, đoạn phim ngắn hướng dẫn các thủ tục hộ tịch thường gặp;",
                "- Dành một buổi chiều mỗi tuần hỗ trợ riêng người cao tuổi nộp hồ sơ trực tuyến.",
            ],
        },
    },
    "Kiều Thị Oanh": {  # 27 + 55 = 82, HTTNV
        "dang_vien.ngay_sinh": "1990-12-05",
        "dang_vien.ngay_vao_dang": "2016-06-30",
        "dang_vien.don_vi_cong_tac": "Phòng Văn hóa – Xã hội phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 11, "so_hoan_thanh": 11, "so_dung_tien_do": 11, "so_vuot_muc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về lao động, người có công và an sinh xã hội.",
                    "Sống giản dị, chân thành; tận tụy với các đối tượng chính sách, người có hoàn cảnh khó khăn.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; làm việc đúng giờ, có sổ theo dõi công việc hằng ngày.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức phụ trách lao động, người có công và bảo trợ xã hội, được giao 11 nhiệm vụ trong năm; hoàn thành 11/11 nhiệm vụ đúng tiến độ, trong đó 1 nhiệm vụ vượt mức:",
                    "- Chi trả trợ cấp hằng tháng cho 412 người có công và đối tượng bảo trợ xã hội kịp thời, đúng chế độ;",
                    "- Tham mưu tổ chức thăm, tặng 620 suất quà nhân dịp Tết Nguyên đán và Ngày Thương binh – Liệt sĩ 27/7;",
                    "- Giới thiệu việc làm cho 86 lao động, vượt kế hoạch 16 người.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; nhận giúp đỡ thường xuyên 01 cụ bà neo đơn ở Khu phố 6.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Việc rà soát, cập nhật cơ sở dữ liệu an sinh xã hội còn sai sót, có 15 hồ sơ phải bổ sung thông tin; việc nắm hoàn cảnh đối tượng ở một số khu phố mới sáp nhập chưa sâu.",
                "nguyen_nhan": "Số đối tượng tăng gần gấp đôi sau khi sắp xếp đơn vị hành chính, bản thân chưa kiểm tra kỹ trước khi nhập dữ liệu; chưa phối hợp chặt chẽ với các tổ trưởng tổ dân phố.",
            },
            "khac_phuc": "Kỳ kiểm điểm năm 2024 không chỉ ra hạn chế, khuyết điểm nào phải khắc phục.",
            "phuong_huong": [
                "- Đối chiếu từng hồ sơ với dữ liệu dân cư trước khi cập nhật, hoàn thành rà soát trong quý I/2026;",
                "- Mỗi quý cùng tổ trưởng tổ dân phố đến thăm, nắm tình hình các đối tượng ở khu phố mới sáp nhập.",
            ],
        },
    },
    "Cao Văn Sơn": {  # 22 + 26 = 48, KHTNV
        "dang_vien.ngay_sinh": "1986-08-21",
        "dang_vien.ngay_vao_dang": "2013-12-20",
        "dang_vien.don_vi_cong_tac": "Phòng Văn hóa – Xã hội phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 12, "so_hoan_thanh": 7, "so_dung_tien_do": 4, "so_vuot_muc": 0},
        "khac_phuc_ky_truoc": {"so_han_che": 2, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Tin tưởng vào đường lối của Đảng, chấp hành chính sách, pháp luật của Nhà nước; không vi phạm những điều đảng viên không được làm.",
                    "Ý thức tổ chức kỷ luật chưa nghiêm: trong năm vắng 03 kỳ sinh hoạt chi bộ, trong đó 01 kỳ không có lý do; nhiều lần đi làm muộn, đã bị lãnh đạo Phòng nhắc nhở.",
                    "Tác phong, lề lối làm việc còn chậm, thiếu kế hoạch; chưa chủ động báo cáo khi công việc gặp vướng mắc.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức phụ trách văn hóa, thông tin, thể thao, được giao 12 nhiệm vụ trong năm; mới hoàn thành 7/12 nhiệm vụ, trong đó chỉ 4 nhiệm vụ đúng tiến độ, 3 nhiệm vụ hoàn thành chậm; 5 nhiệm vụ không hoàn thành.",
                    "Các nhiệm vụ không hoàn thành: kiểm tra 46 cơ sở kinh doanh dịch vụ văn hóa, trò chơi điện tử công cộng (mới kiểm tra 19 cơ sở); hồ sơ đề nghị công nhận danh hiệu “Tổ dân phố văn hóa” năm 2025; cập nhật Trang thông tin điện tử của phường theo kế hoạch; tổng hợp số liệu thiết chế văn hóa, thể thao; kế hoạch tổ chức giải thể thao mừng Xuân 2026.",
                ],
                "cam_ket": "Chưa thực hiện được cam kết tu dưỡng, rèn luyện, phấn đấu năm 2025 đã đăng ký với chi bộ, nhất là cam kết hoàn thành đúng hạn các nhiệm vụ chuyên môn.",
            },
            "han_che": {
                "han_che_khuyet_diem": [
                    "Không hoàn thành 5/12 nhiệm vụ được giao, 3 nhiệm vụ hoàn thành chậm; hồ sơ đề nghị công nhận danh hiệu “Tổ dân phố văn hóa” chậm làm ảnh hưởng đến quyền lợi của 4 tổ dân phố.",
                    "Tháng 9/2025 đã được chi bộ nhắc nhở trong sinh hoạt về việc chậm tiến độ, nhưng đến cuối năm vẫn chưa khắc phục được; vắng 03 kỳ sinh hoạt chi bộ.",
                ],
                "nguyen_nhan": "Nguyên nhân chủ yếu là chủ quan: bản thân thiếu tinh thần trách nhiệm, không lập kế hoạch công việc cụ thể, ngại khó khi khối lượng công việc tăng sau sắp xếp đơn vị hành chính; trong quý III gia đình có người ốm phải chăm sóc, nhưng bản thân không báo cáo để được bố trí lại công việc.",
            },
            "khac_phuc": "Trong 02 hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024, hạn chế về đóng đảng phí chậm đã được khắc phục; hạn chế về chậm tiến độ công việc chưa được khắc phục, năm 2025 còn nặng hơn.",
            "giai_trinh": "Chi bộ gợi ý làm rõ việc chậm hồ sơ đề nghị công nhận danh hiệu “Tổ dân phố văn hóa”: bản thân nhận đã để hồ sơ quá hạn do không theo dõi lịch xét duyệt của cấp trên, không vì động cơ cá nhân; đã đề nghị lãnh đạo Phòng cho bổ sung hồ sơ vào đợt xét tiếp theo.",
            "phuong_huong": [
                "- Nghiêm túc nhận khuyết điểm trước chi bộ; lập kế hoạch công việc theo tuần, báo cáo lãnh đạo Phòng tiến độ vào chiều thứ Sáu hằng tuần;",
                "- Hoàn thành việc kiểm tra 27 cơ sở kinh doanh còn lại và hồ sơ “Tổ dân phố văn hóa” trong quý I/2026;",
                "- Dự đủ các kỳ sinh hoạt chi bộ, chấp hành nghiêm giờ làm việc; đề nghị chi bộ phân công đảng viên giúp đỡ, theo dõi việc khắc phục.",
            ],
        },
    },
    "Trịnh Minh Tuấn": {  # 24 + 52 = 76; admitted 02/9/2025, not rated (under 6 months)
        "dang_vien.ngay_sinh": "1998-06-24",
        "dang_vien.don_vi_cong_tac": "Trung tâm Phục vụ hành chính công phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 10, "so_hoan_thanh": 10, "so_dung_tien_do": 10, "so_vuot_muc": 0},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Được kết nạp vào Đảng ngày 02/9/2025, bản thân luôn xác định rõ trách nhiệm của người đảng viên dự bị; tin tưởng vào sự lãnh đạo của Đảng, chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
                    "Sống giản dị, khiêm tốn, cầu thị; tôn trọng, học hỏi các đồng chí đảng viên đi trước.",
                    "Từ khi vào Đảng, dự đủ các kỳ sinh hoạt chi bộ, đóng đảng phí đúng quy định; chấp hành nghiêm nội quy của Trung tâm.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức tiếp nhận và trả kết quả tại Trung tâm Phục vụ hành chính công phường, được giao 10 nhiệm vụ trong năm; hoàn thành 10/10 nhiệm vụ đúng tiến độ.",
                    "Trực tiếp tiếp nhận 3.120 hồ sơ thủ tục hành chính, không có hồ sơ trả quá hạn do lỗi cá nhân; hướng dẫn người dân sử dụng Cổng Dịch vụ công quốc gia, góp phần nâng tỷ lệ hồ sơ nộp trực tuyến của Trung tâm lên 68%.",
                    "Là Bí thư Chi đoàn cơ quan, phối hợp tổ chức 02 đợt tình nguyện hỗ trợ người cao tuổi làm thủ tục trực tuyến vào sáng thứ Bảy.",
                ],
                "cam_ket": "Thực hiện đúng những điều đã hứa khi được kết nạp; đang tham gia lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới do Đảng ủy phường tổ chức.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Là đảng viên mới, hiểu biết về công tác đảng, nền nếp sinh hoạt chi bộ còn ít; ý kiến đóng góp trong sinh hoạt chi bộ còn dè dặt; kỹ năng giải thích cho người dân với những hồ sơ phức tạp còn hạn chế.",
                "nguyen_nhan": "Thời gian sinh hoạt đảng còn ngắn, kinh nghiệm công tác chưa nhiều; bản thân chưa dành nhiều thời gian nghiên cứu Điều lệ Đảng và các văn bản hướng dẫn.",
            },
            "khac_phuc": "Mới được kết nạp vào Đảng năm 2025, chưa có hạn chế, khuyết điểm nào được chỉ ra ở các kỳ kiểm điểm trước.",
            "phuong_huong": [
                "- Hoàn thành lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới, phấn đấu được công nhận đảng viên chính thức đúng thời hạn;",
                "- Nghiên cứu Điều lệ Đảng, chủ động chuẩn bị ý kiến trước mỗi kỳ sinh hoạt;",
                "- Học hỏi đồng nghiệp đi trước kỹ năng hướng dẫn, giải thích cho người dân.",
            ],
        },
    },
    "Lạc Văn Kiên": {  # 27 + 53 = 80, HTTNV
        "dang_vien.ngay_sinh": "1983-05-09",
        "dang_vien.ngay_vao_dang": "2010-09-02",
        "dang_vien.don_vi_cong_tac": "Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình",
        "nhiem_vu": {"so_duoc_giao": 12, "so_hoan_thanh": 12, "so_dung_tien_do": 12, "so_vuot_muc": 1},
        "khac_phuc_ky_truoc": {"so_han_che": 1, "so_da_khac_phuc": 1},
        "kiem_diem": {
            "uu_diem": {
                "pham_chat": [
                    "Có lập trường chính trị vững vàng; chấp hành nghiêm chủ trương, đường lối của Đảng, pháp luật về đất đai, xây dựng và các quy định của Thành phố.",
                    "Giữ gìn đạo đức, lối sống trong sáng; không có biểu hiện nhũng nhiễu, gây phiền hà khi giải quyết hồ sơ đất đai của người dân.",
                    "Sinh hoạt chi bộ đầy đủ, đóng đảng phí đúng quy định; chấp hành sự phân công của lãnh đạo Phòng và UBND phường.",
                ],
                "thuc_hien_nhiem_vu": [
                    "Là công chức địa chính, được giao 12 nhiệm vụ trong năm; hoàn thành 12/12 nhiệm vụ đúng tiến độ, trong đó 1 nhiệm vụ vượt mức:",
                    "- Tiếp nhận đầy đủ hồ sơ địa chính, bản đồ của các phường cũ bàn giao; thẩm tra 534 hồ sơ cấp giấy chứng nhận quyền sử dụng đất đúng hạn;",
                    "- Kiểm tra 128 công trình xây dựng, lập biên bản 17 trường hợp vi phạm trật tự xây dựng và tham mưu xử lý theo quy định;",
                    "- Tham mưu giải quyết 42 đơn kiến nghị về đất đai, 100% đúng hạn, vượt chỉ tiêu 10%.",
                ],
                "cam_ket": "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện năm 2025; niêm yết công khai thời gian, quy trình giải quyết hồ sơ đất đai tại nơi tiếp dân.",
            },
            "han_che": {
                "han_che_khuyet_diem": "Một số văn bản trả lời đơn kiến nghị về đất đai nêu căn cứ chưa đầy đủ, phải bổ sung; việc cập nhật biến động đất đai vào cơ sở dữ liệu còn dồn vào cuối tháng.",
                "nguyen_nhan": "Hồ sơ tiếp nhận từ các phường cũ nhiều loại, nhiều thời kỳ; bản thân chưa hệ thống lại các văn bản pháp luật đất đai mới ban hành để tra cứu.",
            },
            "khac_phuc": "Hạn chế được chỉ ra ở kỳ kiểm điểm năm 2024 (chậm trả lời 02 đơn kiến nghị) đã được khắc phục; năm 2025 không có đơn nào trả lời quá hạn.",
            "phuong_huong": [
                "- Hệ thống hóa các văn bản hướng dẫn Luật Đất đai năm 2024, lập danh mục tra cứu dùng chung trong Phòng;",
                "- Cập nhật biến động đất đai ngay trong tuần phát sinh;",
                "- Trình lãnh đạo Phòng duyệt dự thảo trả lời đơn trước khi phát hành.",
            ],
        },
    },
}
