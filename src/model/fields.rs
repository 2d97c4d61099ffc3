//! How a record of the content files (a unit, an activity, `_sito.yaml`, a
//! page's front matter) is declared: once, with the [`record!`] macro, which
//! writes the serde struct, its list of keys and its [`Record`] (the shape
//! the YAML walk of `yaml::schema` checks a file against) from the same
//! lines; whether a key is required comes from its Rust type alone
//! ([`FieldType`]). A field also says how it is published ([`Published`]):
//! for a unit, the views (its page and its home-page summary),
//! `catalogo.json`, its JSON Schema, the CSV columns and `import` read
//! that; for the site, the view's `site`. So a new optional text field is
//! one line in `model` plus the template that shows it.
//!
//! Data only: no I/O, no walking (that is `yaml::schema`), no HTML.

/// What a value must be.
pub(crate) enum Shape {
    /// Text; may be empty or absent.
    Text,
    /// Text that is not blank.
    NonEmptyText,
    /// A whole number.
    Integer,
    /// `YYYY-MM-DD`.
    Date,
    List(&'static Shape),
    Record(&'static Record),
    /// A line of text, or a record with the same meaning (an activity).
    TextOrRecord(&'static Record),
    /// One of a few words.
    Choice(&'static [&'static str]),
}

/// A map with known keys.
pub(crate) struct Record {
    /// What the map is, as the `$record` selector of the catalogue's
    /// messages (`yaml-missing-key-in`, the hint of `yaml-file-empty`):
    /// `site`, `unit`, `page`, `activity`, `crumb`, `fonte`, `collegamenti`.
    pub what: &'static str,
    pub fields: &'static [Field],
}

impl Record {
    pub(crate) fn keys(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.key).collect()
    }

    /// The fields published by [`Published`] (text and Markdown), in order.
    pub(crate) fn published(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|f| !matches!(f.published, Published::ByCode))
    }
}

/// One key of a [`Record`]. Written with [`value`], [`text`] or
/// [`markdown`]; the [`record!`] macro fills in the key, and whether it is
/// required from the field's Rust type ([`FieldType::REQUIRED`]).
pub(crate) struct Field {
    pub key: &'static str,
    pub shape: Shape,
    pub required: bool,
    pub published: Published,
}

/// How a field reaches the pages and the open data without code naming it.
#[derive(Clone, Copy)]
pub(crate) enum Published {
    /// Code names it where it is used (`nome`, `ordine`, the lists, rules).
    ByCode,
    /// Plain text: `<key>` in the view templates see (as written; a unit's
    /// in its page and its summary on the home page, the site's in `site`),
    /// and, for a unit, `<key>` in `catalogo.json` (trimmed, or null) and a
    /// CSV column if `Some` (which `import` reads back).
    Text(Option<ColumnDoc>),
    /// Markdown: `<key>_html` in a unit's view, `<key>` as written in
    /// `catalogo.json`, and a CSV column (as written) if `Some`.
    Markdown(Option<ColumnDoc>),
}

impl Published {
    /// The CSV column's documentation, if the field has a column.
    pub(crate) fn column(self) -> Option<ColumnDoc> {
        match self {
            Published::ByCode => None,
            Published::Text(c) | Published::Markdown(c) => c,
        }
    }
}

/// A CSV column's Italian title and description (CSVW metadata).
#[derive(Clone, Copy)]
pub(crate) struct ColumnDoc {
    pub titolo: &'static str,
    pub descrizione: &'static str,
}

/// A column with this title and description.
pub(crate) const fn column(titolo: &'static str, descrizione: &'static str) -> Option<ColumnDoc> {
    Some(ColumnDoc {
        titolo,
        descrizione,
    })
}

/// A key whose value has this shape, used by code where it is needed.
pub(crate) const fn value(shape: Shape) -> Field {
    Field {
        key: "",
        shape,
        // Set by `record!` from the field's type.
        required: false,
        published: Published::ByCode,
    }
}

/// Plain text, published (`Option<String>`).
pub(crate) const fn text(column: Option<ColumnDoc>) -> Field {
    Field {
        published: Published::Text(column),
        ..value(Shape::Text)
    }
}

/// Markdown, published (`Option<String>`).
pub(crate) const fn markdown(column: Option<ColumnDoc>) -> Field {
    Field {
        published: Published::Markdown(column),
        ..value(Shape::Text)
    }
}

/// What `record!` needs of a field's Rust type: whether the key must be
/// written (the one place optionality is said: `Option<T>` and lists may be
/// left out, anything else is required; a list then also needs
/// `#[serde(default)]`, which a test of `model` checks), and its value as
/// text for the fields published as text.
pub(crate) trait FieldType {
    const REQUIRED: bool = true;
    fn as_text(&self) -> Option<&str> {
        None
    }
}

impl FieldType for Option<String> {
    const REQUIRED: bool = false;
    fn as_text(&self) -> Option<&str> {
        self.as_deref()
    }
}

impl FieldType for String {
    fn as_text(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T> FieldType for Vec<T> {
    const REQUIRED: bool = false;
}
impl FieldType for Option<i64> {
    const REQUIRED: bool = false;
}
impl FieldType for super::Date {}
impl FieldType for Option<super::Date> {
    const REQUIRED: bool = false;
}
impl FieldType for Option<super::AltreAttivita> {
    const REQUIRED: bool = false;
}
impl FieldType for Option<super::Fonte> {
    const REQUIRED: bool = false;
}
impl FieldType for super::Collegamenti {
    const REQUIRED: bool = false;
}

/// Declares a record once: the struct (its attributes as written, every
/// field `pub`), `KEYS` (its keys in order, for "did you mean" hints), a
/// `text(key)` accessor for the published text fields, and the static
/// [`Record`] named after `=>` for the YAML walk (with, in brackets, what
/// the record is as its messages' `$record`: `("unit")`). Each field is
/// `key: Type = <value|text|markdown>(...)`, required unless its type is
/// optional ([`FieldType`]); fields after
/// `skip` are not read from the file (`#[serde(skip)]`, filled later).
macro_rules! record {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident => $record:ident ($what:literal) {
            $( $(#[$fmeta:meta])* $key:ident : $ty:ty = $decl:expr, )*
        }
        $( skip { $( $(#[$smeta:meta])* $skey:ident : $sty:ty, )* } )?
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$fmeta])* pub $key: $ty, )*
            $($( $(#[$smeta])* #[serde(skip)] pub $skey: $sty, )*)?
        }

        impl $name {
            /// The keys of the record, in the order of its declaration.
            #[allow(dead_code)]
            pub(crate) const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// The text of the field `key`, when it is a text field and set.
            #[allow(dead_code)]
            pub(crate) fn text(&self, key: &str) -> Option<&str> {
                use $crate::model::fields::FieldType;
                match key {
                    $( stringify!($key) => self.$key.as_text(), )*
                    _ => None,
                }
            }
        }

        #[doc = concat!("The shape of [`", stringify!($name), "`] for the YAML walk.")]
        pub(crate) static $record: $crate::model::fields::Record = $crate::model::fields::Record {
            what: $what,
            fields: &[$( $crate::model::fields::Field {
                key: stringify!($key),
                required: <$ty as $crate::model::fields::FieldType>::REQUIRED,
                ..$decl
            } ),*],
        };
    };
}

pub(crate) use record;
