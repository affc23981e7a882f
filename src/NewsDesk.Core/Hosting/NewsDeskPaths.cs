using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace NewsDesk.Core.Hosting;

/// <summary>
/// The directories and connection string every host resolves the same way. <c>dotnet run</c> starts a project
/// inside its own folder, so defaults resolve against the repository root (the folder holding NewsDesk.sln).
/// </summary>
public sealed record NewsDeskPaths(string BaseDirectory, string DataDirectory, string SeedsDirectory, string ConnectionString)
{
    public const string SolutionFile = "NewsDesk.sln";
    public const string ConnectionStringName = "NewsDesk";

    /// <summary>The SQLite file the connection string points at, or null for an in-memory database.</summary>
    public string? DatabaseFile
    {
        get
        {
            var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file::memory:", StringComparison.Ordinal)
                ? null
                : Path.GetFullPath(source);
        }
    }

    /// <param name="databaseFileOverride">A database path given on a command line; wins over configuration.</param>
    public static NewsDeskPaths Resolve(IConfiguration configuration, string? databaseFileOverride = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var baseDirectory = FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? FindRepositoryRoot(AppContext.BaseDirectory)
            ?? Directory.GetCurrentDirectory();
        var section = configuration.GetSection(NewsDeskOptions.Section);
        var dataDirectory = Path.GetFullPath(NonEmpty(section["DataDirectory"]) ?? "data", baseDirectory);
        var seedsDirectory = Path.GetFullPath(NonEmpty(section["SeedsDirectory"]) ?? "seeds", baseDirectory);

        string connectionString;
        if (databaseFileOverride is not null)
        {
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databaseFileOverride) }.ToString();
        }
        else
        {
            connectionString = NonEmpty(configuration.GetConnectionString(ConnectionStringName))
                ?? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "newsdesk.db") }.ToString();
        }

        return new NewsDeskPaths(baseDirectory, dataDirectory, seedsDirectory, connectionString);
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
