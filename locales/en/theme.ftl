# The theme (theme.rs). The id is the stable code.

theme-invalid-name = `{ $theme }` is not a theme name: `tema` names a folder inside themes/, in lowercase letters, digits and dashes
    .hint = write only the folder's name, for example `tema: comune` for themes/comune/, or remove `tema` to use the default theme
    .spiegazione =
        `tema` in `_sito.yaml` names a folder inside `themes/`; a path, capital letters or spaces are not accepted.
        Write only the folder's name, or remove the key to use the built-in theme.

theme-missing = the theme `{ $theme }` does not exist: there is no folder themes/{ $theme }/
    .hint = remove `tema` to use the default theme, or create the folder
    .spiegazione =
        `_sito.yaml` asks for a theme whose folder is not in `themes/`.
        Check the name, create the folder, or remove `tema` to use the built-in theme.

theme-builtin-not-utf8 = the built-in template is not UTF-8
    .spiegazione =
        A template of the built-in theme is damaged in the program itself. This is a fault of the program, not of the site: report it to whoever supplies it.

theme-template-error = template error: { $detail }
    .spiegazione =
        A template of the theme could not be read or used; the detail after the colon is the description given by the template engine (in English).
        If the theme is the site's own (`themes/<tema>/`), correct the template at the line shown; if it is the built-in theme, report it.

theme-invalid-language = `{ $lang }` is not a language code: `lingua` is two or three lowercase letters, such as `it`, `de` or `fr`
    .hint = write the code of the pages' language, for example `lingua: de`, or remove `lingua` to publish in Italian
    .spiegazione =
        `lingua` in `_sito.yaml` chooses the language of the published pages' fixed phrases (headings, labels, notices).
        It is a language code of two or three lowercase letters (`de`, `fr`), optionally followed by a dash and a variant (`de-ch`).
        Without the key the pages are in Italian.

theme-language-missing = theme `{ $theme }` has no phrases in `{ $lang }`: the file lingue/{ $lang }.ftl is missing
    .hint = copy the program's themes/default/lingue/it.ftl to the site's themes/{ $theme }/lingue/{ $lang }.ftl and translate it, or remove `lingua`
    .spiegazione =
        `lingua` in `_sito.yaml` asks to publish the pages in a language other than Italian, but neither the site nor the built-in theme has its phrases.
        The pages' fixed phrases are in one file per language: the theme's `lingue/<lingua>.ftl`. Copy the built-in theme's Italian file
        (`themes/default/lingue/it.ftl` in the program's sources) into the site's `themes/<tema>/lingue/` folder, named after the language
        (for example `de.ftl`), and translate the text after each `=`.

theme-phrases-missing = { $count ->
    [one] one phrase of the pages has no translation in `{ $lang }` and stays in Italian: { $ids }
   *[other] { $count } phrases of the pages have no translation in `{ $lang }` and stay in Italian: { $ids }
}
    .hint = add the listed phrases to the file, translated, copying them from themes/default/lingue/it.ftl
    .spiegazione =
        The phrases file of the language chosen with `lingua` lacks some phrases of the theme's Italian file.
        The pages are published all the same, but the listed phrases stay in Italian.
        Copy the lines with those names from the Italian file (`themes/default/lingue/it.ftl` in the program's sources) and translate the text after `=`.

theme-phrases-syntax = the phrases file cannot be read: { $detail }
    .spiegazione =
        A theme's `lingue/<lingua>.ftl` file is not written in the Fluent format. Each phrase is a line `name = text`;
        lines continuing a text are indented by at least one space; plural forms are written
        `{ "{" } $n ->` followed by lines `[one] ...` and `*[other] ...` and by `{ "}" }`. The detail after the colon is the parser's.

theme-phrase-unknown = the theme has no phrase `{ $id }` in lingue/it.ftl
