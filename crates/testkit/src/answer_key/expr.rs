//! Just enough Python to read feedparser's `Expect:` lines: literals (strings with Python escapes,
//! numbers, tuples, lists, dicts, `None`/`True`/`False`), subscripts and attribute access,
//! calls, `+`, chained `==`/`!=`, `in`, `not`, `and`, `or`.

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Str(String),
    Int(i64),
    Float(f64),
    None,
    Bool(bool),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    Name(String),
    /// `a[b]`, and `a.b` (feedparser's dicts allow both spellings).
    Index(Box<Expr>, Box<Expr>),
    /// `f(args)` or `a.method(args)`; the callee is kept as written.
    Call(Box<Expr>, Vec<Expr>),
    Add(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    /// `a == b == c` is `a == b and b == c`; each pair is (operator, right operand).
    Compare(Box<Expr>, Vec<(CompareOp, Expr)>),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    NotEq,
    In,
    NotIn,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Str(String),
    Int(i64),
    Float(f64),
    Name(String),
    Punct(&'static str),
}

pub fn parse(source: &str) -> Result<Expr, String> {
    let tokens = tokenize(source)?;
    let mut parser = Parser { tokens, at: 0 };
    let expr = parser.or()?;
    if parser.at != parser.tokens.len() {
        return Err(format!("unexpected {:?}", parser.tokens[parser.at]));
    }
    Ok(expr)
}

const PUNCTUATION: [&str; 14] = [
    "==", "!=", "(", ")", "[", "]", "{", "}", ",", ":", ".", "+", "-", "<",
];

fn tokenize(source: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '\''
            || c == '"'
            || (matches!(c, 'u' | 'r' | 'b') && is_quote_at(&chars, i + 1))
        {
            let raw = c == 'r';
            let start = if c == '\'' || c == '"' { i } else { i + 1 };
            let (text, end) = string_literal(&chars, start, raw)?;
            // Adjacent literals concatenate, as in Python.
            if let Some(Token::Str(previous)) = tokens.last_mut() {
                previous.push_str(&text);
            } else {
                tokens.push(Token::Str(text));
            }
            i = end;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            tokens.push(if text.contains('.') {
                Token::Float(text.parse().map_err(|_| format!("bad number {text}"))?)
            } else {
                Token::Int(text.parse().map_err(|_| format!("bad number {text}"))?)
            });
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(Token::Name(chars[start..i].iter().collect()));
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let punct = PUNCTUATION
                .iter()
                .find(|p| rest.starts_with(**p))
                .ok_or_else(|| format!("unexpected character {c:?}"))?;
            tokens.push(Token::Punct(punct));
            i += punct.chars().count();
        }
    }
    Ok(tokens)
}

fn is_quote_at(chars: &[char], i: usize) -> bool {
    matches!(chars.get(i), Some('\'' | '"'))
}

/// Reads a Python string literal starting at its opening quote; returns the text and the index
/// after the closing quote.
fn string_literal(chars: &[char], start: usize, raw: bool) -> Result<(String, usize), String> {
    let quote = chars[start];
    let triple = chars.get(start + 1) == Some(&quote) && chars.get(start + 2) == Some(&quote);
    let delimiter = if triple { 3 } else { 1 };
    let mut i = start + delimiter;
    let mut text = String::new();
    loop {
        let Some(&c) = chars.get(i) else {
            return Err("unterminated string".to_string());
        };
        let closes = if triple {
            chars[i..].starts_with(&[quote, quote, quote])
        } else {
            c == quote
        };
        if closes {
            return Ok((text, i + delimiter));
        }
        if c == '\\' && !raw {
            let (decoded, used) = escape(&chars[i + 1..])?;
            text.push_str(&decoded);
            i += 1 + used;
        } else {
            text.push(c);
            i += 1;
        }
    }
}

fn escape(rest: &[char]) -> Result<(String, usize), String> {
    let hex = |len: usize| -> Result<(String, usize), String> {
        let digits: String = rest.iter().skip(1).take(len).collect();
        let code = u32::from_str_radix(&digits, 16).map_err(|_| format!("bad escape {digits}"))?;
        let c = char::from_u32(code).ok_or_else(|| format!("bad code point {code}"))?;
        Ok((c.to_string(), 1 + len))
    };
    match rest.first() {
        Some('n') => Ok(("\n".into(), 1)),
        Some('t') => Ok(("\t".into(), 1)),
        Some('r') => Ok(("\r".into(), 1)),
        Some('0') => Ok(("\0".into(), 1)),
        Some('x') => hex(2),
        Some('u') => hex(4),
        Some('U') => hex(8),
        Some(&c @ ('\\' | '\'' | '"')) => Ok((c.to_string(), 1)),
        Some(&c) => Ok((format!("\\{c}"), 1)),
        None => Err("dangling backslash".into()),
    }
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn eat_punct(&mut self, punct: &str) -> bool {
        if matches!(self.peek(), Some(Token::Punct(p)) if *p == punct) {
            self.at += 1;
            return true;
        }
        false
    }

    fn eat_name(&mut self, name: &str) -> bool {
        if matches!(self.peek(), Some(Token::Name(n)) if n == name) {
            self.at += 1;
            return true;
        }
        false
    }

    fn expect_punct(&mut self, punct: &str) -> Result<(), String> {
        if self.eat_punct(punct) {
            Ok(())
        } else {
            Err(format!("expected {punct}, found {:?}", self.peek()))
        }
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut terms = vec![self.and()?];
        while self.eat_name("or") {
            terms.push(self.and()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut terms = vec![self.not()?];
        while self.eat_name("and") {
            terms.push(self.not()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::And(terms)
        })
    }

    fn not(&mut self) -> Result<Expr, String> {
        if self.eat_name("not") {
            return Ok(Expr::Not(Box::new(self.not()?)));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr, String> {
        let left = self.sum()?;
        let mut rest = Vec::new();
        loop {
            let op = if self.eat_punct("==") {
                CompareOp::Eq
            } else if self.eat_punct("!=") {
                CompareOp::NotEq
            } else if self.eat_name("in") {
                CompareOp::In
            } else if self.eat_name("is") {
                if self.eat_name("not") {
                    CompareOp::NotEq
                } else {
                    CompareOp::Eq
                }
            } else if matches!(self.peek(), Some(Token::Name(n)) if n == "not")
                && matches!(self.tokens.get(self.at + 1), Some(Token::Name(n)) if n == "in")
            {
                self.at += 2;
                CompareOp::NotIn
            } else {
                break;
            };
            rest.push((op, self.sum()?));
        }
        Ok(if rest.is_empty() {
            left
        } else {
            Expr::Compare(Box::new(left), rest)
        })
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while self.eat_punct("+") {
            left = Expr::Add(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.eat_punct("-") {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Result<Expr, String> {
        let mut expr = self.atom()?;
        loop {
            if self.eat_punct("[") {
                let index = self.or()?;
                self.expect_punct("]")?;
                expr = Expr::Index(Box::new(expr), Box::new(index));
            } else if self.eat_punct(".") {
                let Some(Token::Name(name)) = self.peek().cloned() else {
                    return Err("expected a name after '.'".into());
                };
                self.at += 1;
                expr = Expr::Index(Box::new(expr), Box::new(Expr::Str(name)));
            } else if self.eat_punct("(") {
                let args = self.sequence(")")?;
                expr = Expr::Call(Box::new(expr), args);
            } else {
                return Ok(expr);
            }
        }
    }

    fn sequence(&mut self, close: &str) -> Result<Vec<Expr>, String> {
        let mut items = Vec::new();
        while !self.eat_punct(close) {
            items.push(self.or()?);
            if !self.eat_punct(",") {
                self.expect_punct(close)?;
                break;
            }
        }
        Ok(items)
    }

    fn atom(&mut self) -> Result<Expr, String> {
        let token = self.peek().cloned().ok_or("unexpected end")?;
        self.at += 1;
        match token {
            Token::Str(s) => Ok(Expr::Str(s)),
            Token::Int(n) => Ok(Expr::Int(n)),
            Token::Float(f) => Ok(Expr::Float(f)),
            Token::Name(name) => Ok(match name.as_str() {
                "None" => Expr::None,
                "True" => Expr::Bool(true),
                "False" => Expr::Bool(false),
                _ => Expr::Name(name),
            }),
            Token::Punct("(") => {
                let mut items = self.sequence(")")?;
                // `(x)` is grouping; `(x,)` and `(x, y)` are tuples.
                Ok(if items.len() == 1 {
                    items.remove(0)
                } else {
                    Expr::Tuple(items)
                })
            }
            Token::Punct("[") => Ok(Expr::List(self.sequence("]")?)),
            Token::Punct("{") => {
                let mut pairs = Vec::new();
                while !self.eat_punct("}") {
                    let key = self.or()?;
                    self.expect_punct(":")?;
                    pairs.push((key, self.or()?));
                    if !self.eat_punct(",") {
                        self.expect_punct("}")?;
                        break;
                    }
                }
                Ok(Expr::Dict(pairs))
            }
            other => Err(format!("unexpected {other:?}")),
        }
    }
}

#[cfg(test)]
#[path = "tests/expr.rs"]
mod tests;
