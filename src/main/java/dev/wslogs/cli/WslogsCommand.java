package dev.wslogs.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
        name = "wslogs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Diagnoses WebSocket failures from nginx's access and error logs: says why an upgrade failed or a "
                + "socket died, with the evidence and the nginx change that fixes it.",
        subcommands = {AnalyzeCommand.class, RunCommand.class, IncidentsCommand.class, ProbeCommand.class, CheckConfigCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no incident found", "1:incidents found", "2:bad usage or unreadable input"},
        footer = {"", "Run 'wslogs help COMMAND' for a command's options. Bash completion: source <(wslogs generate-completion)"})
public final class WslogsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'wslogs analyze access.log error.log')");
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WslogsCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("wslogs: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cl;
    }
}
