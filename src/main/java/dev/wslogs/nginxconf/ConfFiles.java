package dev.wslogs.nginxconf;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code include} finds files: the real disk, or the virtual files of an {@code nginx -T}
 * dump. Paths handed in are already absolute (made so by {@link #resolve}).
 */
interface ConfFiles {

    /** nginx's {@code ngx_conf_full_name()}: an absolute name as is, else appended to the conf dir. */
    String resolve(String name);

    /** The file's text, or empty when it does not exist. */
    Optional<String> read(String path) throws IOException;

    /** The files matching a glob pattern, in nginx's order (glob(3) sorts by byte value). */
    List<String> glob(String pattern) throws IOException;

    /** A key under which two spellings of the same file compare equal (for the include-cycle guard). */
    String identity(String path);
}
