package dev.wslogs.cli;

/**
 * SIGHUP handling through {@code sun.misc.Signal}, reached reflectively: the class is in
 * jdk.unsupported on every JDK we run on, but naming it in source is a compiler warning we do not
 * build with. Where it is missing, reload is simply unavailable (said once on stderr).
 */
final class Signals {
    private Signals() {}

    static void onHangup(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object hup = signal.getConstructor(String.class).newInstance("HUP");
            Object proxy = java.lang.reflect.Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler}, (p, m, args) -> {
                if (m.getName().equals("handle")) action.run();
                return null;
            });
            signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("wslogs: SIGHUP reload unavailable on this JVM: " + e);
        }
    }
}
