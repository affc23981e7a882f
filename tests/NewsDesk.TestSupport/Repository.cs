using NewsDesk.Core.Hosting;

namespace NewsDesk.TestSupport;

/// <summary>Paths inside this checkout, for tests that read the real seeds or run a project.</summary>
public static class Repository
{
    public static string Root { get; } = NewsDeskPaths.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Tests must run inside the NewsDesk checkout.");

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedFile => Directory.EnumerateFiles(Seeds).Order(StringComparer.Ordinal).First();
}
