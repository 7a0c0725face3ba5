"""What ``kiemdiem blank`` offers, known without loading the blank builder (the CLI's options)."""

# The forms a blank exists for (the meeting forms of other modules are not blank-capable).
BLANK_FORMS = ("ban-tu-kiem-diem", "bao-cao-kiem-diem-tap-the", "bieu-diem-tccsd", "to-trinh-khen-thuong",
               "phieu-bieu-quyet")
VARIANT_CODES = ("02A", "02B", "02C")
