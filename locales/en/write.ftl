## Writing the site (src/write.rs, src/write/guard.rs): why `build` does
## not write or publish, printed after "error: ".
## .spiegazione: the long text of `trasparenza spiega CODE`.


write-cannot-write = cannot write { $path }: { $error }
    .spiegazione =
        The system refused to write the site to disk; its reason follows the colon (a full disk, missing permissions).
        The previous site is left as it was. Free space or fix the permissions and build again.

write-leftover = cannot remove { $path }, a copy of an earlier site ({ $error }); it is not needed: remove it as the user who owns it, for example sudo rm -rf '{ $path }'
    .spiegazione =
        A copy of an earlier site beside the output belongs to another user (for example after a build run with `sudo`) and could not be deleted. It is not needed.
        Remove it as the user who owns it.

write-nothing-published = { $leftover }; nothing was published
    .spiegazione =
        A leftover copy of an earlier site holds the name the build needs and can be neither removed nor moved aside, so the new site was not published.
        Remove the copy as the user who owns it and build again.

# Every refusal of the output folder: "will not write the site into OUTPUT: why; what to do".
write-refused-filesystem-root = will not write the site into { $output }: it is the filesystem's root; choose an empty folder
    .spiegazione = Building replaces the whole output folder, so it is never the root of the disk. Name an empty folder with `--output`.
write-refused-site-folder = will not write the site into { $output }: it is the site folder itself, which holds content/; choose a folder inside it, such as public
    .spiegazione = Building replaces the whole output folder, which would delete the content. Use a folder inside the site, such as `public`.
write-refused-contains-site-folder = will not write the site into { $output }: it contains the site folder and its content/; choose a folder inside the site, such as public
    .spiegazione = Building replaces the whole output folder, which here contains the site and its content. Use a folder inside the site, such as `public`.
write-refused-protected = will not write the site into { $output }: it is the { $folder } folder, which the site is built from; choose another folder, such as public
    .spiegazione = `content/` and `themes/` are what the site is built from; writing into them would delete them. Use another folder, such as `public`.
write-refused-contains-protected = will not write the site into { $output }: it contains the site's { $folder } folder; choose another folder, such as public
    .spiegazione = The output folder is replaced whole, and this one contains a folder the site is built from. Use another folder, such as `public`.
write-refused-inside-protected = will not write the site into { $output }: it is inside the { $folder } folder, which the site is built from; choose a folder outside it, such as public
    .spiegazione = A site written inside `content/` or `themes/` would be read back as content or theme. Use a folder outside them, such as `public`.
write-refused-home = will not write the site into { $output }: it is your home folder or contains it; choose an empty folder
    .spiegazione = Building replaces the whole output folder, which would delete the home folder's files. Name an empty folder with `--output`.
write-refused-current-folder = will not write the site into { $output }: it is the current folder or contains it; choose a folder below it, such as public
    .spiegazione = Building replaces the whole output folder, including the folder the command runs in. Use a folder below it, such as `public`.
write-refused-not-a-folder = will not write the site into { $output }: { $path } is a file, not a folder; move the file away or choose another folder (--force never replaces a file)
    .spiegazione = The output, or one of the folders on its path, is a file. Move the file away or choose another folder.
write-refused-dangling-link = will not write the site into { $output }: { $link } is a link to { $target }, which does not exist; create that folder or fix the link
    .spiegazione = The output is a symbolic link to a folder that does not exist. Create the folder, or point the link at an existing one.
write-refused-foreign = will not write the site into { $output }: the folder is not empty and was not written by trasparenza (it has no { $manifest }); empty it, choose another folder, or add --force to replace everything in it
    .spiegazione =
        Every build writes a list of its files (`.trasparenza-manifest.json`) into the output; a folder without it was not written by the program, and replacing it would delete files it does not know.
        Empty the folder, choose another one, or add `--force` if everything in it may be replaced.
write-refused-bad-manifest = will not write the site into { $output }: its { $manifest } is not one trasparenza wrote; empty the folder, choose another, or add --force to replace everything in it
    .spiegazione = The list of files in the output folder is damaged or was not written by the program, so it cannot tell which files are its own. Empty the folder, choose another, or add `--force`.
write-refused-extra-files = will not write the site into { $output }: it holds files trasparenza did not write ({ $files }{ $more ->
        [0] { "" }
       *[other] { " " }and { $more } more
    }); move them out, or add --force to replace them with the site
    .spiegazione = The output folder is an earlier site, but someone added files to it that a build would delete. Move them elsewhere, or add `--force` if they may be deleted.
write-refused-unreadable = will not write the site into { $output }: cannot read { $path }: { $error }; check the path and its permissions
    .spiegazione = The program could not read the output folder to check that replacing it is safe. Check the path and the permissions.
write-refused-git-repository = will not write the site into { $output }: it holds a git repository (.git), which trasparenza never replaces, not even with --force; choose another folder, such as public
    .spiegazione = A folder with `.git` holds the history of a project, which a build would delete. Choose another folder, such as `public`.
write-refused-git-store = will not write the site into { $output }: it is a git repository's own folder (such as .git), or lies inside one, holding the project's history, which trasparenza never replaces, not even with --force; choose another folder, such as public
    .spiegazione = The `.git` folder (or a bare repository) holds the whole history of a project: replacing it with the site would delete it, and writing inside it would damage it. Choose another folder, such as `public`.
write-refused-mount-point = will not write the site into { $output }: a disk or share is mounted on it, and a mounted folder cannot be swapped for the new site; write into a folder inside it (--output { $inside }) and point the web server there
    .spiegazione = The new site replaces the output folder in one step, which is not possible for a folder where a disk or network share is mounted. Write into a folder inside it.
write-refused-mount-inside = will not write the site into { $output }: a disk or share is mounted on { $path } inside it, whose files replacing the folder would delete; unmount it or choose another folder, such as public
    .spiegazione = Replacing the output folder would delete the files of a disk or share mounted inside it. Unmount it, or choose another folder.
write-refused-top-level = the site is not written to { $output }: it is a folder of the system, directly under /, holding files trasparenza did not write, and not even --force replaces it; write to a folder inside it (--output { $inside }) and point the web server there
    .spiegazione = Replacing a folder directly under the filesystem's root (`/etc`, `/usr`, `/srv`, `/var`...) would delete files of the system or of other programs; so `--force` does not apply to these folders. Write to a folder inside them, for example `/srv/sito`, and point the web server there.
write-refused-parent-not-writable = will not write the site into { $output }: cannot write into { $path } ({ $error }), where the new site is prepared before it replaces the output; make that folder writable for this user or choose an output in a folder you can write
    .spiegazione = The new site is prepared beside the output folder and then swapped in; the folder that contains the output cannot be written by this user. Give write permission, or choose another output.
