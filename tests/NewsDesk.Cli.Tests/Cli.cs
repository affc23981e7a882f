namespace NewsDesk.Cli.Tests;

/// <summary>Runs the CLI in process with captured standard output and error.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
