package io.amcfacade.console;

/** Where the console lives: its pages need a console sign-in, its assets and signed-out pages do not. */
public final class ConsolePaths {

    public static final String ROOT = "/console";
    public static final String ASSETS = ROOT + "/assets";
    static final String SIGNED_OUT = ASSETS + "/signed-out.html";

    private ConsolePaths() {
    }

    /** A console page or asset (the console's tenant, headers and HTML error pages apply). */
    public static boolean isConsole(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }
}
