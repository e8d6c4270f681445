//! Real queries residents type, each with the procedure that must come in the first three
//! results. The search tests check them; the benchmarks time them (and every prefix of them, as
//! typed key by key).

/// (query, code that must be in the top 3)
pub const QUERIES: &[(&str, &str)] = &[
    // The examples.
    ("dang ky khai sinh", "1.001193"),
    ("ket hon", "1.000894"),
    ("khai tu", "1.000656"),
    ("tam tru", "1.004194"),
    ("thuong tru", "1.004222"),
    ("chung thuc ban sao", "2.000815"),
    ("xac nhan tinh trang hon nhan", "1.004873"),
    // Phrasings residents use.
    ("lam giay khai sinh cho con", "1.001193"),
    ("giay khai sinh", "1.001193"),
    ("khai sinh", "1.001193"),
    ("dang ky ket hon", "1.000894"),
    ("dang ky tam tru", "1.004194"),
    ("thu tuc dang ky thuong tru", "1.004222"),
    ("giay xac nhan doc than", "1.004873"),
    ("tam vang", "1.003677"),
    ("gia han tam tru", "1.002755"),
    ("xoa thuong tru", "1.003197"),
    ("xoa tam tru", "1.010028"),
    ("tach ho", "1.010038"),
    ("xac nhan cu tru", "1.010041"),
    ("thong bao luu tru", "2.001159"),
    ("can cuoc", "1.014061"),
    ("cap lai can cuoc", "1.014064"),
    ("doi can cuoc", "1.014063"),
    ("can cuoc cho tre duoi 14 tuoi", "1.014062"),
    ("dang ky lai khai sinh", "1.004884"),
    ("ban sao giay khai sinh", "2.000635"),
    ("trich luc ho tich", "2.000635"),
    ("giam ho", "1.004837"),
    ("nhan cha me con", "1.001022"),
    ("nuoi con nuoi", "2.001263"),
    ("che do thai san", "2.000693"),
    ("tu tuat", "2.000821"),
    ("ket hon voi nguoi nuoc ngoai", "2.000806"),
    ("khai tu nguoi nuoc ngoai", "1.001766"),
    ("cai chinh ho tich", "1.004859"),
    ("mat ho chieu", "1.010386"),
    ("chung thuc chu ky", "2.000884"),
    ("tro cap huu tri xa hoi", "1.014027"),
    ("dinh danh dien tu", "3.000228"),
    ("bhxh tu nguyen", "1.002179"),
    // Papers, by the names residents give them (issue 22 §5): the paper a procedure issues,
    // its former or everyday name, or a paper that leads to it.
    ("giay chung tu", "1.000656"),
    ("xin giay chung tu cho bo", "1.000656"),
    ("chung tu", "1.000656"),
    ("giay bao tu", "1.000656"),
    ("giay khai tu", "1.000656"),
    ("trich luc khai tu", "1.000656"),
    ("giay chung sinh", "1.001193"),
    ("so ho khau", "1.004222"),
    ("so tam tru", "1.004194"),
    ("giay doc than", "1.004873"),
    ("giay xac nhan tinh trang hon nhan", "1.004873"),
    ("giay dang ky ket hon", "1.000894"),
    ("giay chung nhan ket hon", "1.000894"),
    ("trich luc ket hon", "1.000894"),
    ("ban sao giay khai sinh", "2.000635"),
    ("giay xac nhan cu tru", "1.010041"),
    ("ct07", "1.010041"),
    ("giay xac nhan khuyet tat", "1.001699"),
    ("the bhyt cho tre", "2.001023"),
    ("giay xac nhan than nhan nguoi co cong", "1.010833"),
    ("trich luc giam ho", "1.004837"),
    ("the can cuoc", "1.014061"),
    ("chung minh thu", "1.014061"),
    ("so do", "1.115750"),
    ("so hong", "1.115750"),
    ("giay phep xay dung", "1.013225"),
    ("giay chung nhan ho ngheo", "1.011607"),
    ("di chuc", "2.001019"),
    // Short forms, run-together words, everyday words.
    ("cccd", "1.014061"),
    ("dk ket hon", "1.000894"),
    ("dkks", "1.001193"),
    ("khaisinh", "1.001193"),
    ("tamtru", "1.004194"),
    ("lay vo", "1.000894"),
    ("nguoi nha qua doi", "1.000656"),
    ("ho khau", "1.004222"),
    ("vneid", "3.000228"),
    // Word order, accents, case, unfinished words.
    ("khai sinh dang ky", "1.001193"),
    ("hon nhan tinh trang xac nhan", "1.004873"),
    ("Đăng ký tạm trú", "1.004194"),
    ("TAM TRU", "1.004194"),
    ("dang ky khai si", "1.001193"),
    ("ket ho", "1.000894"),
    // English and codes.
    ("birth registration", "1.001193"),
    ("marriage", "1.000894"),
    ("temporary residence", "1.004194"),
    ("death registration", "1.000656"),
    ("identity card", "1.014061"),
    ("1.001193", "1.001193"),
];

/// Every query as typed, key by key: "t", "ta", "tam", … "tam tru" (from 2 characters).
pub fn as_typed() -> Vec<String> {
    let mut typed = Vec::new();
    for (query, _) in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        for end in 2..=chars.len() {
            typed.push(chars[..end].iter().collect());
        }
    }
    typed
}
