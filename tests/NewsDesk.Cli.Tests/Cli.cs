namespace NewsDesk.Cli.Tests;

/// <summary>Runs the CLI in process with captured standard output and error.</summary>
internal static class Cli
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>With <paramref name="stdin"/> as standard input.</summary>
    public static Task<CliRun> RunWithStdinAsync(string stdin, params string[] args) => RunWithInputAsync(stdin, args);

    private static async Task<CliRun> RunWithInputAsync(string stdin, string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, input, stdout, stderr);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr);
