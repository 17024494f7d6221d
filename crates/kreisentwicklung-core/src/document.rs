//! Documents: reports, presentations, minutes and press articles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{DocumentKind, Id, Period, Text};

/// A document that belongs to a concept.
///
/// ```
/// use kreisentwicklung_core::{Document, DocumentKind, Period};
///
/// let d = Document::new("atlas", DocumentKind::StructuralAtlas, "Strukturatlas 2020")
///     .with_date(Period::year(2020))
///     .with_media_type("application/pdf");
/// assert_eq!(d.media_type.as_deref(), Some("application/pdf"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Stable identifier.
    pub id: Id,
    /// What kind of document.
    pub kind: DocumentKind,
    /// Title.
    pub title: Text,
    /// When it was published (a day, a month, a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Period>,
    /// Where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Media type ("application/pdf").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// Language, BCP 47.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Publisher or newspaper ("Landkreisbote", "Schweriner Volkszeitung").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    /// Issue of a periodical ("02/2016", "Ausgabe Parchimer Zeitung").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// Page(s) ("2").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// Authors (actors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Id>,
    /// Description or remark ("Arbeitsversion").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

impl Document {
    /// A document with a title.
    pub fn new(id: impl Into<Id>, kind: DocumentKind, title: impl Into<Text>) -> Self {
        Document {
            id: id.into(),
            kind,
            title: title.into(),
            date: None,
            url: None,
            media_type: None,
            language: None,
            publisher: None,
            issue: None,
            pages: None,
            authors: Vec::new(),
            description: None,
        }
    }

    /// Sets the date.
    #[must_use]
    pub fn with_date(mut self, date: Period) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the media type.
    #[must_use]
    pub fn with_media_type(mut self, media_type: impl Into<String>) -> Self {
        self.media_type = Some(media_type.into());
        self
    }
}
