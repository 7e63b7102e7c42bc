//! Highlights Rust with the Rust compiler's own lexer (`rustc_lexer`, published for
//! rust-analyzer as `ra-ap-rustc_lexer`), the way rustdoc highlights the code in Rust's
//! documentation: each token is classified by its kind, its text and its neighbours.
//! It is forty times faster than matching syntect's Rust grammar (Rust is most of the
//! code a Rust blog highlights), it splits tokens exactly as Rust does (floats with
//! exponents, raw strings, nested comments, `async` and `dyn`, which that grammar
//! misses), and it writes a span only where the themes give a colour: a fifth of the
//! HTML. The classes are the scopes that grammar gives the same tokens, so the themes of
//! `style/highlight.css` colour both alike.

use ra_ap_rustc_lexer::{FrontmatterAllowed, LiteralKind, TokenKind, tokenize};

/// Whether a fence's language names Rust, as syntect's Rust syntax would claim it.
pub fn is_rust(language: &str) -> bool {
    language.eq_ignore_ascii_case("rust") || language.eq_ignore_ascii_case("rs")
}

/// The code as highlighted HTML: its text, escaped, with classed spans around the tokens
/// that have a colour.
pub fn highlight(code: &str) -> String {
    let tokens = lex(code);
    let mut html = Html::with_capacity(code.len() * 2);
    let mut definition: Option<&'static str> = None;
    let mut i = 0;
    while let Some(&(kind, text)) = tokens.get(i) {
        i += 1;
        match kind {
            TokenKind::Whitespace => html.space(text),
            TokenKind::LineComment { doc_style } => {
                let class = if doc_style.is_some() {
                    LINE_DOC_COMMENT
                } else {
                    LINE_COMMENT
                };
                html.token(Some(class), text)
            }
            TokenKind::BlockComment { doc_style, .. } => {
                let class = if doc_style.is_some() {
                    BLOCK_DOC_COMMENT
                } else {
                    BLOCK_COMMENT
                };
                html.token(Some(class), text)
            }
            TokenKind::Literal { kind, suffix_start } => {
                let (literal, suffix) = text.split_at(suffix_start as usize);
                literal_html(&mut html, kind, literal);
                html.token(Some(NUMERIC_SUFFIX), suffix);
            }
            TokenKind::Lifetime { .. } | TokenKind::RawLifetime => html.token(Some(LIFETIME), text),
            TokenKind::Ident => {
                let bang = tokens
                    .get(i)
                    .is_some_and(|&(kind, _)| kind == TokenKind::Bang)
                    && tokens
                        .get(i + 1)
                        .is_none_or(|&(kind, _)| kind != TokenKind::Eq);
                if bang {
                    // A macro's name and its `!`, as one token.
                    let class = if text == "macro_rules" {
                        definition = Some(MACRO_NAME);
                        MACRO_RULES
                    } else {
                        MACRO
                    };
                    html.token(Some(class), &code[offset(code, text)..][..text.len() + 1]);
                    i += 1;
                    continue;
                }
                let followed_by_ident =
                    next_significant(&tokens, i).is_some_and(|(kind, _)| kind == TokenKind::Ident);
                let class = definition
                    .take()
                    .or_else(|| ident_class(text, followed_by_ident));
                definition = defined_by(text, followed_by_ident);
                html.token(class, text);
                continue;
            }
            TokenKind::RawIdent => html.token(None, text),
            TokenKind::Dollar => {
                // A macro's metavariable: `$name`.
                match tokens.get(i) {
                    Some(&(TokenKind::Ident, name)) => {
                        html.token(
                            Some(METAVARIABLE),
                            &code[offset(code, text)..][..1 + name.len()],
                        );
                        i += 1;
                    }
                    _ => html.token(None, text),
                }
            }
            kind if is_punctuation(kind) => {
                // A run of punctuation, glued into Rust's operators as its parser glues it.
                let start = offset(code, text);
                let mut end = start + text.len();
                while let Some(&(kind, text)) = tokens.get(i)
                    && is_punctuation(kind)
                {
                    end += text.len();
                    i += 1;
                }
                let mut run = &code[start..end];
                while !run.is_empty() {
                    let glued = OPERATORS
                        .iter()
                        .find(|operator| run.starts_with(**operator))
                        .copied()
                        .unwrap_or(&run[..1]);
                    html.token(
                        COLOURED_OPERATORS.contains(&glued).then_some(OPERATOR),
                        glued,
                    );
                    run = &run[glued.len()..];
                }
            }
            _ => html.token(None, text),
        }
        if !is_trivia(kind) {
            definition = None;
        }
    }
    html.finish()
}

/// The tokens of `code` with their text.
fn lex(code: &str) -> Vec<(TokenKind, &str)> {
    let mut rest = code;
    tokenize(code, FrontmatterAllowed::No)
        .map(|token| {
            let (text, after) = rest.split_at(token.len as usize);
            rest = after;
            (token.kind, text)
        })
        .collect()
}

/// Where `text`, a slice of `code`, starts in it.
fn offset(code: &str, text: &str) -> usize {
    text.as_ptr() as usize - code.as_ptr() as usize
}

/// The first token from `i` on that is not whitespace or a comment.
fn next_significant<'a>(tokens: &[(TokenKind, &'a str)], i: usize) -> Option<(TokenKind, &'a str)> {
    tokens[i.min(tokens.len())..]
        .iter()
        .copied()
        .find(|&(kind, _)| !is_trivia(kind))
}

/// Whitespace and comments: what may stand between a keyword and the name it defines.
fn is_trivia(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Whitespace | TokenKind::LineComment { .. } | TokenKind::BlockComment { .. }
    )
}

fn is_punctuation(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Semi | Comma
            | Dot
            | OpenParen
            | CloseParen
            | OpenBrace
            | CloseBrace
            | OpenBracket
            | CloseBracket
            | At
            | Pound
            | Tilde
            | Question
            | Colon
            | Eq
            | Bang
            | Lt
            | Gt
            | Minus
            | And
            | Or
            | Plus
            | Star
            | Slash
            | Caret
            | Percent
    )
}

// The classes, named after the scopes of syntect's Rust grammar for the same tokens.
const LINE_COMMENT: &str = "hl-comment hl-line";
const BLOCK_COMMENT: &str = "hl-comment hl-block";
const LINE_DOC_COMMENT: &str = "hl-comment hl-line hl-documentation";
const BLOCK_DOC_COMMENT: &str = "hl-comment hl-block hl-documentation";
const STRING: &str = "hl-string hl-quoted hl-double";
const RAW_STRING: &str = "hl-string hl-quoted hl-double hl-raw";
const CHARACTER: &str = "hl-string hl-quoted hl-single";
const ESCAPE: &str = "hl-constant hl-character hl-escape";
const INTEGER: &str = "hl-constant hl-numeric hl-integer";
const FLOAT: &str = "hl-constant hl-numeric hl-float";
const NUMERIC_SUFFIX: &str = "hl-storage hl-type hl-numeric";
const LIFETIME: &str = "hl-storage hl-modifier hl-lifetime";
const CONTROL: &str = "hl-keyword hl-control";
const KEYWORD: &str = "hl-keyword hl-other";
const OPERATOR: &str = "hl-keyword hl-operator";
const STORAGE_TYPE: &str = "hl-storage hl-type";
const STORAGE_MODIFIER: &str = "hl-storage hl-modifier";
const SELF_VALUE: &str = "hl-variable hl-language";
const BOOLEAN: &str = "hl-constant hl-language";
const CONSTANT: &str = "hl-constant hl-other";
const PRELUDE: &str = "hl-support hl-type";
const MACRO: &str = "hl-support hl-macro";
const MACRO_RULES: &str = "hl-support hl-function";
const METAVARIABLE: &str = "hl-variable hl-other";
const FUNCTION_NAME: &str = "hl-entity hl-name hl-function";
const TYPE_NAME: &str = "hl-entity hl-name hl-type";
const MODULE_NAME: &str = "hl-entity hl-name hl-module";
const MACRO_NAME: &str = "hl-entity hl-name hl-macro";

/// Rust's operators of more than one character, longest first, as its parser glues them.
const OPERATORS: &[&str] = &[
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..", "#!",
];

/// The operators coloured as the grammar colours them. Left plain: what may also be a
/// bracket of generics (`<`, `>`, `<<`, `>>`), a closure's bars, paths, ranges, `->`.
const COLOURED_OPERATORS: &[&str] = &[
    "=", "==", "!=", "<=", ">=", "&&", "+", "-", "*", "/", "%", "^", "!", "?", "=>", "&", "+=",
    "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<=", ">>=",
];

/// A literal without its suffix: strings and characters with their escapes marked.
fn literal_html(html: &mut Html, kind: LiteralKind, literal: &str) {
    use LiteralKind::*;
    match kind {
        Int { .. } => html.token(Some(INTEGER), literal),
        Float { .. } => html.token(Some(FLOAT), literal),
        RawStr { .. } | RawByteStr { .. } | RawCStr { .. } => html.token(Some(RAW_STRING), literal),
        Str { .. } | ByteStr { .. } | CStr { .. } => html.escaped_string(STRING, literal),
        Char { .. } | Byte { .. } => html.escaped_string(CHARACTER, literal),
    }
}

/// The class of an identifier by itself: keywords, `self`, literals, the prelude.
fn ident_class(text: &str, followed_by_ident: bool) -> Option<&'static str> {
    Some(match text {
        "as" => OPERATOR,
        "break" | "continue" | "else" | "for" | "if" | "in" | "loop" | "match" | "return"
        | "while" | "yield" | "await" | "do" | "try" | "become" => CONTROL,
        "const" | "enum" | "fn" | "impl" | "let" | "mod" | "static" | "struct" | "trait"
        | "type" | "macro" | "Self" => STORAGE_TYPE,
        "union" if followed_by_ident => STORAGE_TYPE,
        "crate" | "extern" | "pub" | "mut" | "ref" | "move" | "unsafe" | "async" | "dyn" => {
            STORAGE_MODIFIER
        }
        "use" | "where" | "super" | "abstract" | "final" | "override" | "priv" | "typeof"
        | "unsized" | "virtual" | "box" => KEYWORD,
        "self" => SELF_VALUE,
        "true" | "false" => BOOLEAN,
        "bool" | "char" | "str" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8"
        | "u16" | "u32" | "u64" | "u128" | "usize" | "f16" | "f32" | "f64" | "f128" => STORAGE_TYPE,
        // The prelude's types, traits and variants, as rustdoc marks them.
        "Copy"
        | "Send"
        | "Sized"
        | "Sync"
        | "Unpin"
        | "Drop"
        | "Fn"
        | "FnMut"
        | "FnOnce"
        | "Box"
        | "ToOwned"
        | "Clone"
        | "PartialEq"
        | "PartialOrd"
        | "Eq"
        | "Ord"
        | "AsRef"
        | "AsMut"
        | "Into"
        | "From"
        | "TryFrom"
        | "TryInto"
        | "Default"
        | "Iterator"
        | "Extend"
        | "IntoIterator"
        | "DoubleEndedIterator"
        | "ExactSizeIterator"
        | "FromIterator"
        | "Option"
        | "Some"
        | "None"
        | "Result"
        | "Ok"
        | "Err"
        | "String"
        | "ToString"
        | "Vec" => PRELUDE,
        _ if is_constant_name(text) => CONSTANT,
        _ => return None,
    })
}

/// The class of the name that `keyword` defines, when it is followed by one.
fn defined_by(keyword: &str, followed_by_ident: bool) -> Option<&'static str> {
    if !followed_by_ident {
        return None;
    }
    match keyword {
        "fn" => Some(FUNCTION_NAME),
        "struct" | "enum" | "union" | "trait" | "type" => Some(TYPE_NAME),
        "mod" => Some(MODULE_NAME),
        _ => None,
    }
}

/// `MAX_LEN`, `A1`: upper case throughout, more than one character (`T` is a type).
fn is_constant_name(text: &str) -> bool {
    text.len() > 1
        && text.bytes().any(|b| b.is_ascii_uppercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// The HTML being written: escaped text, and spans that merge when two tokens in a row
/// (whitespace between them aside) have the same class.
struct Html {
    out: String,
    open: Option<&'static str>,
    space: String,
}

impl Html {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            out: String::with_capacity(capacity),
            open: None,
            space: String::new(),
        }
    }

    /// Whitespace: inside the open span if the next token continues it.
    fn space(&mut self, text: &str) {
        self.space.push_str(text);
    }

    /// A token in `class` (`None`: plain text).
    fn token(&mut self, class: Option<&'static str>, text: &str) {
        if text.is_empty() {
            return;
        }
        self.enter(class);
        escape(&mut self.out, text);
    }

    /// A string literal in `class` with each escape sequence marked.
    fn escaped_string(&mut self, class: &'static str, literal: &str) {
        self.enter(Some(class));
        let mut rest = literal;
        while let Some(backslash) = rest.find('\\') {
            escape(&mut self.out, &rest[..backslash]);
            let length = escape_length(&rest[backslash..]);
            open_span(&mut self.out, ESCAPE);
            escape(&mut self.out, &rest[backslash..backslash + length]);
            self.out.push_str("</span>");
            rest = &rest[backslash + length..];
        }
        escape(&mut self.out, rest);
    }

    /// Continues the open span when `class` is its class, else closes it and opens one.
    fn enter(&mut self, class: Option<&'static str>) {
        if class.is_some() && class == self.open {
            self.out.push_str(&self.space);
        } else {
            if self.open.take().is_some() {
                self.out.push_str("</span>");
            }
            self.out.push_str(&self.space);
            if let Some(class) = class {
                open_span(&mut self.out, class);
                self.open = Some(class);
            }
        }
        self.space.clear();
    }

    fn finish(mut self) -> String {
        self.enter(None);
        self.out
    }
}

/// The length of the escape sequence at the start of `text` (which starts with `\`):
/// `\n`, `\x7f`, `\u{1F600}`, or a backslash and the character after it.
fn escape_length(text: &str) -> usize {
    let after = &text[1..];
    let length = match after.chars().next() {
        None => 0,
        Some('x') => {
            1 + after[1..]
                .chars()
                .take(2)
                .take_while(char::is_ascii_hexdigit)
                .count()
        }
        Some('u') if after[1..].starts_with('{') => match after.find('}') {
            Some(close) => close + 1,
            None => 1,
        },
        Some(c) => c.len_utf8(),
    };
    1 + length
}

fn open_span(out: &mut String, class: &str) {
    out.push_str("<span class=\"");
    out.push_str(class);
    out.push_str("\">");
}

fn escape(out: &mut String, text: &str) {
    pulldown_cmark_escape::escape_html_body_text(&mut *out, text)
        .expect("writing to a String cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::highlight::text_of;

    /// The classed tokens of `code`, as (class, text) pairs.
    fn spans(code: &str) -> Vec<(String, String)> {
        let html = highlight(code);
        let mut spans = Vec::new();
        let mut rest = html.as_str();
        while let Some(start) = rest.find("<span class=\"") {
            rest = &rest[start + 13..];
            let class_end = rest.find('"').unwrap();
            let class = rest[..class_end].to_owned();
            rest = &rest[class_end + 2..];
            let end = rest.find("</span>").unwrap();
            let inner = &rest[..end];
            let inner_text = inner.split('<').next().unwrap();
            spans.push((class, text_of(inner_text)));
        }
        spans
    }

    fn class_of(code: &str, token: &str) -> Option<String> {
        spans(code)
            .into_iter()
            .find(|(_, text)| text == token)
            .map(|(class, _)| class)
    }

    #[test]
    fn names_rust_by_name_or_extension() {
        assert!(is_rust("rust") && is_rust("Rust") && is_rust("rs"));
        assert!(!is_rust("rusty") && !is_rust("toml"));
    }

    #[test]
    fn keeps_the_text_exactly() {
        for code in [
            "fn main() {\n    println!(\"<b> & {}\", a < b && c > d);\n}\n",
            "let s = \"unterminated\n",
            "/* unterminated /* nested */\n",
            "r#\"raw \"# with\"#; 'a' '\\u{1F600}' b'\\x7f' \"\\\n  continued\"",
            "x = 1.5e3f64 + 0xFFu8 as i32; // done\r\n",
            "$ cargo build\nerror[E0382]: borrow of moved value: `v`\n  --> src/main.rs:4:5",
            "¿Qué? 日本語 \u{0} \\ ' \" ` @ ~",
            "",
        ] {
            assert_eq!(text_of(&highlight(code)), code, "{}", highlight(code));
        }
    }

    #[test]
    fn keeps_the_text_of_any_cut_of_the_code() {
        let code = "fn f<'a>(s: &'a str) -> u8 { /* é /* x */ */ let r = br#\"\\\"#; \
                    m!(\"\\u{1F600}\\x7f\"); 'é' 1.5e3_f64 $x r#type 日本 }";
        for (i, _) in code.char_indices() {
            for part in [&code[..i], &code[i..]] {
                assert_eq!(text_of(&highlight(part)), part);
            }
        }
    }

    #[test]
    fn escapes_markup() {
        let html = highlight("a < b && c > d; \"<script>\"");
        assert!(
            !html.contains("<script>") && !html.contains("< b"),
            "{html}"
        );
    }

    #[test]
    fn classes_keywords_by_what_they_do() {
        let code = "pub async fn f(&mut self) -> Self { if x { return } let y = a as u8; }";
        assert_eq!(class_of(code, "if").as_deref(), Some(CONTROL));
        assert_eq!(class_of(code, "return").as_deref(), Some(CONTROL));
        assert_eq!(class_of(code, "let").as_deref(), Some(STORAGE_TYPE));
        assert_eq!(class_of(code, "fn").as_deref(), Some(STORAGE_TYPE));
        assert_eq!(class_of(code, "Self").as_deref(), Some(STORAGE_TYPE));
        assert_eq!(class_of(code, "u8").as_deref(), Some(STORAGE_TYPE));
        assert_eq!(class_of(code, "mut").as_deref(), Some(STORAGE_MODIFIER));
        assert_eq!(class_of(code, "self").as_deref(), Some(SELF_VALUE));
        assert_eq!(class_of(code, "as").as_deref(), Some(OPERATOR));
        assert_eq!(
            class_of(code, "pub async").as_deref(),
            Some(STORAGE_MODIFIER),
            "two tokens in a row of one class share a span"
        );
    }

    #[test]
    fn classes_the_names_that_definitions_introduce() {
        assert_eq!(
            class_of("fn parse(x: u8)", "parse").as_deref(),
            Some(FUNCTION_NAME)
        );
        assert_eq!(
            class_of("struct Point { x: i32 }", "Point").as_deref(),
            Some(TYPE_NAME)
        );
        assert_eq!(class_of("pub enum E {}", "E").as_deref(), Some(TYPE_NAME));
        assert_eq!(
            class_of("mod tests;", "tests").as_deref(),
            Some(MODULE_NAME)
        );
        assert_eq!(
            class_of("fn /* c */ late()", "late").as_deref(),
            Some(FUNCTION_NAME)
        );
        assert_eq!(
            class_of("let f = parse(x);", "parse"),
            None,
            "calls stay plain"
        );
        assert_eq!(
            class_of("a.union(b)", "union"),
            None,
            "union is a keyword only before a name"
        );
        assert_eq!(
            class_of("union U { a: u8 }", "U").as_deref(),
            Some(TYPE_NAME)
        );
    }

    #[test]
    fn classes_literals() {
        let code = r#"let s = "a\n"; let r = r"\d"; let c = 'x'; let n = 1.5e3; let h = 0xFFu8;"#;
        assert_eq!(class_of(code, "\"a").as_deref(), Some(STRING));
        assert_eq!(class_of(code, "\\n").as_deref(), Some(ESCAPE));
        assert_eq!(
            class_of(code, r#"r"\d""#).as_deref(),
            Some(RAW_STRING),
            "raw strings have no escapes"
        );
        assert_eq!(class_of(code, "'x'").as_deref(), Some(CHARACTER));
        assert_eq!(
            class_of(code, "1.5e3").as_deref(),
            Some(FLOAT),
            "one token, exponent and all"
        );
        assert_eq!(class_of(code, "0xFF").as_deref(), Some(INTEGER));
        assert_eq!(class_of(code, "u8").as_deref(), Some(NUMERIC_SUFFIX));
        assert_eq!(class_of("true", "true").as_deref(), Some(BOOLEAN));
    }

    #[test]
    fn tells_lifetimes_from_characters() {
        let code = "fn f<'a>(s: &'a str) -> char { 'a' }";
        assert_eq!(class_of(code, "'a").as_deref(), Some(LIFETIME));
        assert_eq!(class_of(code, "'a'").as_deref(), Some(CHARACTER));
    }

    #[test]
    fn classes_comments_and_doc_comments() {
        let code = "/// Doc.\n// note\n/* a /* nested */ b */ x";
        assert_eq!(
            class_of(code, "/// Doc.").as_deref(),
            Some(LINE_DOC_COMMENT)
        );
        assert_eq!(
            class_of(code, "// note\n/* a /* nested */ b */").as_deref(),
            None,
            "comments of different kinds keep their own spans"
        );
        assert_eq!(class_of(code, "// note").as_deref(), Some(LINE_COMMENT));
        assert_eq!(
            class_of(code, "/* a /* nested */ b */").as_deref(),
            Some(BLOCK_COMMENT)
        );
    }

    #[test]
    fn classes_macros_constants_and_the_prelude() {
        let code = "println!(\"{}\", MAX_LEN); if a != b { Some(T) } else { None }";
        assert_eq!(class_of(code, "println!").as_deref(), Some(MACRO));
        assert_eq!(class_of(code, "MAX_LEN").as_deref(), Some(CONSTANT));
        assert_eq!(
            class_of(code, "T"),
            None,
            "a one-letter name is a type parameter"
        );
        assert_eq!(class_of(code, "Some").as_deref(), Some(PRELUDE));
        assert_eq!(
            class_of(code, "!=").as_deref(),
            Some(OPERATOR),
            "a != b is no macro"
        );
        let rules = "macro_rules! square { ($x:expr) => { $x * $x }; }";
        assert_eq!(
            class_of(rules, "macro_rules!").as_deref(),
            Some(MACRO_RULES)
        );
        assert_eq!(class_of(rules, "square").as_deref(), Some(MACRO_NAME));
        assert_eq!(class_of(rules, "$x").as_deref(), Some(METAVARIABLE));
    }

    #[test]
    fn glues_operators_and_leaves_brackets_plain() {
        let code = "x += 1; a == b; v: Vec<Vec<u8>> = f() -> T; |x| x; m => n; y?;";
        assert_eq!(class_of(code, "+=").as_deref(), Some(OPERATOR));
        assert_eq!(class_of(code, "==").as_deref(), Some(OPERATOR));
        assert_eq!(class_of(code, "=>").as_deref(), Some(OPERATOR));
        assert_eq!(class_of(code, "?").as_deref(), Some(OPERATOR));
        let plain = text_of(&highlight(code));
        assert_eq!(plain, code);
        let html = highlight(code);
        assert!(
            html.contains("&gt;&gt; "),
            "generics' brackets stay plain: {html}"
        );
        assert!(html.contains("-&gt;"), "-> stays plain and whole: {html}");
        assert!(html.contains("|x|"), "a closure's bars stay plain: {html}");
    }
}
