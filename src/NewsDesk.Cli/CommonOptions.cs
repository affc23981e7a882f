using System.CommandLine;

namespace NewsDesk.Cli;

internal static class CommonOptions
{
    /// <summary><c>--db PATH</c>: a SQLite file, created and migrated if new; wins over configuration.</summary>
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite database file to use instead of the configured one (created and migrated if new).",
        HelpName = "PATH",
        Recursive = true,
    };
}
