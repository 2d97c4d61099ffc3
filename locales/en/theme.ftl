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
