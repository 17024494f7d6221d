//! Texts: one `<narrative>` per language (the form of namespace 1.1), or
//! mixed content (1.0), as the parser's [`Dialect`](super::pull::Dialect),
//! read from the root element, says.
//!
//! Why `narrative`: it is the element name IATI uses for exactly this
//! (`<title><narrative>…</narrative><narrative xml:lang="fr">…</narrative>
//! </title>`), so vendors who exchange IATI data know the pattern and its
//! rule that a narrative without `xml:lang` is in the document's language;
//! and it clashes with no field of the model (`text`, `value` and `name`
//! are fields already). One element name for every language keeps the
//! content simple (no mixed content), so XML data binding tools (JAXB
//! `xjc`, xsdata, .NET `xsd.exe`) make a plain string with a `lang`
//! attribute of it.

use std::collections::BTreeMap;

use kreisentwicklung_core::Text;

use super::input::Input;
use super::pull::{trim_ws, El, Parser, Res};

impl<I: Input> Parser<I> {
    /// A text as `<narrative>` elements: the main text first, without
    /// `xml:lang` (or with the root's), then the translations, each with
    /// its own `xml:lang`.
    pub(super) fn narratives(&mut self, el: El) -> Res<Text> {
        self.no_attrs(&el)?;
        let mut main: Option<String> = None;
        let mut translations = BTreeMap::new();
        let mut n = 0;
        while let Some(child) = if el.empty { None } else { self.child()? } {
            if self.name(&child) != "narrative" {
                return Err(self.err_at(
                    child.pos,
                    format!(
                        "element <{}> is not allowed in text: <{}> holds one <narrative> per language",
                        self.name(&child),
                        self.local(&el)
                    ),
                ));
            }
            let child = child.named("narrative");
            n += 1;
            self.path.push(("narrative", n));
            let [lang] = self.attrs(&child, ["xml:lang"])?;
            let lang = lang.map(|l| trim_ws(&l).to_owned());
            let value = self.content(&child)?;
            let value = self.val(value).to_owned();
            match (&main, lang) {
                (None, None) => main = Some(value),
                (None, Some(lang)) => {
                    let root = self.dialect.lang.as_deref().unwrap_or("");
                    if !lang.eq_ignore_ascii_case(root) {
                        return Err(self.err_at(
                            child.pos,
                            format!(
                                "the first <narrative> is the main text, in the document's language \
                                 (xml:lang of <concept>, {root:?}); it has xml:lang={lang:?}. \
                                 Put the main text first, without xml:lang"
                            ),
                        ));
                    }
                    main = Some(value);
                }
                (Some(_), None) => {
                    return Err(self.err_at(
                        child.pos,
                        "a <narrative> after the main text is a translation and needs xml:lang",
                    ))
                }
                (Some(_), Some(lang)) => {
                    if translations.contains_key(&lang) {
                        return Err(
                            self.err_at(child.pos, format!("a second translation into {lang:?}"))
                        );
                    }
                    translations.insert(lang, value);
                }
            }
            self.path.pop();
        }
        let Some(text) = main else {
            return Err(self.err_at(
                el.pos,
                format!(
                    "<{}> needs a <narrative> with the main text",
                    self.local(&el)
                ),
            ));
        };
        Ok(Text { text, translations })
    }
}
