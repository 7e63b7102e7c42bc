//! The app's own words (buttons, headings, link texts) in each language it knows. A site
//! language without a table here reads English labels around its own content.

/// Every fixed text the app shows, in one language.
#[derive(Debug)]
pub struct Labels {
    pub skip_link: &'static str,
    pub back_to_blog: &'static str,
    pub updated: &'static str,
    pub minutes_read: fn(u32) -> String,
    pub on_this_page: &'static str,
    pub more_from: fn(&str) -> String,
    pub next_paths: &'static str,
    pub related_posts: &'static str,
    pub reason_pinned: &'static str,
    pub reason_tags: fn(&str) -> String,
    pub reason_category: fn(&str) -> String,
    pub reason_author: fn(&str) -> String,
    pub reason_topic: &'static str,
    pub reason_recent: &'static str,
    pub also_in: &'static str,
    pub read_in: fn(&str) -> String,
    pub newer_posts: &'static str,
    pub older_posts: &'static str,
    pub page_of: fn(u32, u32) -> String,
    pub pagination: &'static str,
    pub category: &'static str,
    pub tag: &'static str,
    pub author: &'static str,
    pub posts_count: fn(u32) -> String,
    pub loading: &'static str,
    pub load_failed_title: &'static str,
    pub retry: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub go_home: &'static str,
    pub theme_dark: &'static str,
    pub theme_light: &'static str,
    pub main_navigation: &'static str,
    pub no_posts: &'static str,
    /// The title of the page at an old URL, and the words before the link to the new one.
    pub moved: &'static str,
    pub moved_to: &'static str,
    /// The name of a post's code block in a language (`json`; empty when not given).
    pub code_block: fn(&str) -> String,
    /// The summary of a `<details>` in a post whose author gave it none.
    pub details: &'static str,
}

const ENGLISH: Labels = Labels {
    skip_link: "Skip to content",
    back_to_blog: "Back to blog",
    updated: "Updated",
    minutes_read: |minutes| format!("{minutes} min read"),
    on_this_page: "On this page",
    more_from: |name| format!("More from {name}"),
    next_paths: "Next paths",
    related_posts: "Related posts",
    reason_pinned: "Picked by the author",
    reason_tags: |tags| format!("Shares tags: {tags}"),
    reason_category: |category| format!("Also in {category}"),
    reason_author: |author| format!("Also by {author}"),
    reason_topic: "Similar topic",
    reason_recent: "Recently published",
    also_in: "This post is also available in",
    read_in: |language| format!("Read in {language}"),
    newer_posts: "Newer posts",
    older_posts: "Older posts",
    page_of: |page, total| format!("Page {page} of {total}"),
    pagination: "Pages",
    category: "Category",
    tag: "Tag",
    author: "Author",
    posts_count: |n| match n {
        1 => "1 post".to_owned(),
        n => format!("{n} posts"),
    },
    loading: "Loading…",
    load_failed_title: "This page could not be loaded",
    retry: "Retry",
    not_found_title: "Page not found",
    not_found_text: "There is no page at this address. It may have moved, or the link may be mistyped.",
    go_home: "Go to the blog's home page",
    theme_dark: "Switch to dark theme",
    theme_light: "Switch to light theme",
    main_navigation: "Main",
    no_posts: "No posts yet.",
    moved: "Moved",
    moved_to: "This page has moved to",
    code_block: |language| match language {
        "" => "Code".to_owned(),
        language => format!("Code: {language}"),
    },
    details: "Details",
};

const SPANISH: Labels = Labels {
    skip_link: "Saltar al contenido",
    back_to_blog: "Volver al blog",
    updated: "Actualizado",
    minutes_read: |minutes| format!("{minutes} min de lectura"),
    on_this_page: "En esta página",
    more_from: |name| format!("Más de {name}"),
    next_paths: "Siguientes pasos",
    related_posts: "Artículos relacionados",
    reason_pinned: "Recomendado en el artículo",
    reason_tags: |tags| format!("Comparte etiquetas: {tags}"),
    reason_category: |category| format!("También en {category}"),
    reason_author: |author| format!("También de {author}"),
    reason_topic: "Tema parecido",
    reason_recent: "Publicado hace poco",
    also_in: "Este artículo también está en",
    read_in: |language| format!("Leer en {language}"),
    newer_posts: "Más recientes",
    older_posts: "Más antiguos",
    page_of: |page, total| format!("Página {page} de {total}"),
    pagination: "Páginas",
    category: "Categoría",
    tag: "Etiqueta",
    author: "Autor",
    posts_count: |n| match n {
        1 => "1 artículo".to_owned(),
        n => format!("{n} artículos"),
    },
    loading: "Cargando…",
    load_failed_title: "No se pudo cargar esta página",
    retry: "Reintentar",
    not_found_title: "Página no encontrada",
    not_found_text: "No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.",
    go_home: "Ir a la portada del blog",
    theme_dark: "Cambiar al tema oscuro",
    theme_light: "Cambiar al tema claro",
    main_navigation: "Principal",
    no_posts: "Todavía no hay artículos.",
    moved: "Página trasladada",
    moved_to: "Esta página se ha trasladado a",
    code_block: |language| match language {
        "" => "Código".to_owned(),
        language => format!("Código: {language}"),
    },
    details: "Detalles",
};

/// The labels of `language` (`es`, `es-MX`...), English when the app has no table for it.
pub fn labels(language: &str) -> &'static Labels {
    match language.split('-').next().unwrap_or_default() {
        "es" => &SPANISH,
        _ => &ENGLISH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_language_and_falls_back_to_english() {
        assert_eq!(labels("es").back_to_blog, "Volver al blog");
        assert_eq!(labels("es-MX").back_to_blog, "Volver al blog");
        assert_eq!(labels("en").back_to_blog, "Back to blog");
        assert_eq!(labels("fr").back_to_blog, "Back to blog");
        assert_eq!((labels("en").minutes_read)(2), "2 min read");
        assert_eq!((labels("en").posts_count)(1), "1 post");
        assert_eq!((labels("es").page_of)(2, 5), "Página 2 de 5");
        assert_eq!((labels("es").code_block)("json"), "Código: json");
        assert_eq!((labels("en").code_block)(""), "Code");
    }
}
