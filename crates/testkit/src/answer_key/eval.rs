//! Evaluating an `Expect:` expression over our parsed feed.

use url::Url;

use super::expr::{CompareOp, Expr};
use super::fields::{Field, TextTypes};
use tidings_core::feeds::{ParsedFeed, ParsedItem};

/// A term about something Tidings does not store.
pub(super) struct NotStored(pub(super) String);

pub(super) type Outcome<T> = Result<T, NotStored>;

pub(super) fn not_stored<T>(what: impl Into<String>) -> Outcome<T> {
    Err(NotStored(what.into()))
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    None,
    Bool(bool),
    Tuple(Vec<Value>),
    Dict(Vec<(String, Value)>),
    Ours(Field),
    Feed,
    Entries,
    Entry(usize),
    Enclosures(usize),
    /// Something we should have found and did not (an item, an enclosure); unequal to anything.
    Missing(String),
}

pub(super) struct Eval<'a> {
    pub feed: &'a ParsedFeed,
    pub feed_url: &'a Url,
    /// How feedparser typed the bodies, which decides how its values read.
    pub text_types: TextTypes,
    /// What differed, for the report.
    pub differences: Vec<String>,
}

impl Eval<'_> {
    pub(super) fn truth(&mut self, expr: &Expr) -> Outcome<bool> {
        match expr {
            Expr::And(terms) => {
                let mut any_applicable = false;
                let mut all = true;
                let mut skipped = Vec::new();
                for term in terms {
                    match self.truth(term) {
                        Ok(value) => {
                            any_applicable = true;
                            all &= value;
                        }
                        Err(NotStored(what)) => skipped.push(what),
                    }
                }
                if any_applicable {
                    Ok(all)
                } else {
                    not_stored(skipped.join("; "))
                }
            }
            Expr::Or(terms) => {
                let mut result = Ok(false);
                for term in terms {
                    match self.truth(term) {
                        Ok(true) => {
                            self.differences.clear();
                            return Ok(true);
                        }
                        Ok(false) => {}
                        Err(e) => result = Err(e),
                    }
                }
                result
            }
            Expr::Not(inner) => self.truth(inner).map(|v| !v),
            Expr::Compare(left, rest) => {
                let mut left = self.value(left)?;
                let mut all = true;
                for (op, right) in rest {
                    let right = self.value(right)?;
                    all &= self.compare(*op, &left, &right)?;
                    left = right;
                }
                Ok(all)
            }
            other => {
                let value = self.value(other)?;
                truthy(&value)
            }
        }
    }

    fn value(&mut self, expr: &Expr) -> Outcome<Value> {
        Ok(match expr {
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Int(n) => Value::Int(*n),
            Expr::Float(f) => Value::Float(*f),
            Expr::None => Value::None,
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Neg(inner) => match self.value(inner)? {
                Value::Int(n) => Value::Int(-n),
                Value::Float(f) => Value::Float(-f),
                _ => return not_stored("negation of a non-number"),
            },
            Expr::Tuple(items) | Expr::List(items) => Value::Tuple(
                items
                    .iter()
                    .map(|e| self.value(e))
                    .collect::<Outcome<_>>()?,
            ),
            Expr::Dict(pairs) => {
                let mut dict = Vec::new();
                for (key, value) in pairs {
                    let Value::Str(key) = self.value(key)? else {
                        return not_stored("a dict with non-string keys");
                    };
                    dict.push((key, self.value(value)?));
                }
                Value::Dict(dict)
            }
            Expr::Add(left, right) => match (self.value(left)?, self.value(right)?) {
                (Value::Str(a), Value::Str(b)) => Value::Str(a + &b),
                (Value::Int(a), Value::Int(b)) => Value::Int(a + b),
                _ => return not_stored("`+` on our fields"),
            },
            Expr::Name(name) => match name.as_str() {
                "feed" => Value::Feed,
                "entries" => Value::Entries,
                other => return not_stored(other.to_string()),
            },
            Expr::Index(container, key) => {
                let container = self.value(container)?;
                let key = self.value(key)?;
                self.index(container, key)?
            }
            Expr::Call(callee, args) => self.call(callee, args)?,
            Expr::Compare(..) | Expr::Not(_) | Expr::And(_) | Expr::Or(_) => {
                Value::Bool(self.truth(expr)?)
            }
        })
    }

    fn call(&mut self, callee: &Expr, args: &[Expr]) -> Outcome<Value> {
        match callee {
            Expr::Name(name) if name == "len" && args.len() == 1 => match self.value(&args[0])? {
                Value::Entries => Ok(Value::Int(self.feed.items.len() as i64)),
                Value::Enclosures(i) => Ok(Value::Int(self.item(i)?.enclosures.len() as i64)),
                _ => not_stored("len() of something we do not store"),
            },
            Expr::Name(name) if name == "ord" && args.len() == 1 => {
                // `ord(x) == n` says x is the single character n; compare it as such.
                match self.value(&args[0])? {
                    Value::Ours(field) => Ok(Value::Ours(field)),
                    _ => not_stored("ord() of something we do not store"),
                }
            }
            Expr::Index(target, method) if **method == Expr::Str("has_key".into()) => {
                let target = self.value(target)?;
                let Some(Expr::Str(key)) = args.first() else {
                    return not_stored("has_key with a computed key");
                };
                match self.index(target, Value::Str(key.clone()))? {
                    Value::Ours(Field::Url(v) | Field::Exact(v) | Field::Author(v)) => {
                        Ok(Value::Bool(v.is_some()))
                    }
                    _ => not_stored(format!("has_key('{key}')")),
                }
            }
            _ => not_stored("a call"),
        }
    }

    fn item(&self, index: usize) -> Outcome<&ParsedItem> {
        // `Value::Entry` is only made for items we have (a missing one is `Value::Missing`).
        self.feed.items.get(index).ok_or_else(|| {
            NotStored(format!(
                "entries[{index}] (we found only {})",
                self.feed.items.len()
            ))
        })
    }

    fn index(&mut self, container: Value, key: Value) -> Outcome<Value> {
        let key_text = match &key {
            Value::Str(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            _ => return not_stored("a computed key"),
        };
        match (container, key) {
            (Value::Missing(what), _) => Ok(Value::Missing(what)),
            (Value::Entries, Value::Int(i)) => {
                let i =
                    usize::try_from(i).map_err(|_| NotStored("a negative entry index".into()))?;
                if i >= self.feed.items.len() {
                    return Ok(Value::Missing(format!(
                        "entries[{i}] missing: we found {} items",
                        self.feed.items.len()
                    )));
                }
                Ok(Value::Entry(i))
            }
            (Value::Feed, _) => self.feed_field(&key_text),
            (Value::Entry(i), _) => self.entry_field(i, &key_text),
            (Value::Ours(Field::Title { .. }), _) | (Value::Ours(Field::Html { .. }), _) => {
                not_stored(format!("[{key_text}] of a text field"))
            }
            (Value::Enclosures(i), Value::Int(j)) => {
                let item = self.item(i)?;
                let Some(enclosure) = usize::try_from(j).ok().and_then(|j| item.enclosures.get(j))
                else {
                    return Ok(Value::Missing(format!(
                        "enclosures[{j}] missing: we found {}",
                        item.enclosures.len()
                    )));
                };
                let url = Value::Ours(Field::Url(Some(enclosure.url.clone())));
                Ok(Value::Dict(vec![
                    ("href".into(), url.clone()),
                    ("url".into(), url),
                    (
                        "type".into(),
                        Value::Ours(Field::Exact(enclosure.mime_type.clone())),
                    ),
                    (
                        "length".into(),
                        Value::Ours(Field::Number(enclosure.length)),
                    ),
                ]))
            }
            (Value::Dict(pairs), _) => pairs
                .into_iter()
                .find(|(k, _)| *k == key_text)
                .map(|(_, v)| v)
                .ok_or_else(|| NotStored(format!("['{key_text}'] of a detail dict"))),
            (Value::Tuple(items), Value::Int(i)) => usize::try_from(i)
                .ok()
                .and_then(|i| items.into_iter().nth(i))
                .ok_or_else(|| NotStored(format!("[{i}] of a list"))),
            _ => not_stored(format!("[{key_text}]")),
        }
    }

    fn feed_field(&self, key: &str) -> Outcome<Value> {
        let feed = self.feed;
        Ok(Value::Ours(match key {
            "title" => Field::Title {
                ours: feed.title.clone(),
                stand_in: self
                    .feed_url
                    .host_str()
                    .map_or_else(|| self.feed_url.to_string(), str::to_string),
            },
            "link" => Field::Url(feed.site_url.clone()),
            "ttl" => Field::Number(feed.ttl_minutes.map(u64::from)),
            "title_detail" => {
                return Ok(Value::Dict(vec![(
                    "value".into(),
                    self.feed_field("title")?,
                )]));
            }
            other => return not_stored(format!("feed['{other}']")),
        }))
    }

    fn entry_field(&self, i: usize, key: &str) -> Outcome<Value> {
        let item = self.item(i)?;
        let body = Field::Html {
            ours: Some(
                item.summary_html
                    .clone()
                    .unwrap_or_else(|| item.content_html.clone()),
            ),
            base: item.base_url.clone(),
            text: self.text_types.summary,
        };
        Ok(Value::Ours(match key {
            "title" => Field::Title {
                ours: item.title.clone(),
                stand_in: tidings_core::feeds::title_from_body(&item.content_html),
            },
            "title_detail" => {
                return Ok(Value::Dict(vec![(
                    "value".into(),
                    self.entry_field(i, "title")?,
                )]));
            }
            "link" => Field::Url(item.link.clone()),
            "id" | "guid" => Field::Exact(item.guid.clone()),
            "author" => Field::Author(item.author.clone()),
            "author_detail" => {
                return Ok(Value::Dict(vec![(
                    "name".into(),
                    Value::Ours(Field::Exact(item.author.clone())),
                )]));
            }
            "description" | "summary" => body,
            "summary_detail" => return Ok(Value::Dict(vec![("value".into(), Value::Ours(body))])),
            "content" => {
                let content = Value::Ours(Field::Html {
                    ours: Some(item.content_html.clone()),
                    base: item.base_url.clone(),
                    text: self.text_types.content,
                });
                return Ok(Value::Tuple(vec![Value::Dict(vec![(
                    "value".into(),
                    content,
                )])]));
            }
            "published_parsed" => Field::Time(item.published_at),
            // feedparser answers `updated` with `published` when an item has only the latter.
            "updated_parsed" => Field::Time(item.updated_at.or(item.published_at)),
            "enclosures" => return Ok(Value::Enclosures(i)),
            other => return not_stored(format!("entries[i]['{other}']")),
        }))
    }

    fn compare(&mut self, op: CompareOp, left: &Value, right: &Value) -> Outcome<bool> {
        match op {
            CompareOp::Eq => self.equal(left, right),
            CompareOp::NotEq => self.equal(left, right).map(|eq| {
                if !eq {
                    self.differences.pop();
                }
                !eq
            }),
            CompareOp::In | CompareOp::NotIn => not_stored("`in`"),
        }
    }

    fn equal(&mut self, left: &Value, right: &Value) -> Outcome<bool> {
        let (field, theirs) = match (left, right) {
            (Value::Missing(what), _) | (_, Value::Missing(what)) => {
                self.differences.push(what.clone());
                return Ok(false);
            }
            // `entries[0]['link'] == entries[1]['link'] == '…'`: two of ours, compared as stored.
            (Value::Ours(a), Value::Ours(b)) => return Ok(a.stored() == b.stored()),
            (Value::Ours(field), theirs) | (theirs, Value::Ours(field)) => (field, theirs),
            (Value::Dict(a), Value::Dict(b)) => {
                let mut all = true;
                for (key, theirs) in b {
                    match a.iter().find(|(k, _)| k == key) {
                        Some((_, ours)) => all &= self.equal(ours, theirs)?,
                        None => return not_stored(format!("'{key}'")),
                    }
                }
                return Ok(all);
            }
            (Value::Tuple(a), Value::Tuple(b)) if a.len() == b.len() => {
                let mut all = true;
                for (a, b) in a.iter().zip(b) {
                    all &= self.equal(a, b)?;
                }
                return Ok(all);
            }
            (a, b) => return Ok(a == b),
        };
        let (ours, expected) = field.compared_with(theirs)?;
        if ours == expected {
            Ok(true)
        } else {
            self.differences
                .push(format!("ours {ours:?}\n      theirs {expected:?}"));
            Ok(false)
        }
    }
}

fn truthy(value: &Value) -> Outcome<bool> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::Int(n) => Ok(*n != 0),
        Value::Str(s) => Ok(!s.is_empty()),
        Value::None | Value::Missing(_) => Ok(false),
        _ => not_stored("the truth of a field"),
    }
}
