namespace NewsDesk.Tagging.Tests;

/// <summary>Files of this checkout the tests read (the seed story); the tagging tests need no store.</summary>
internal static class Checkout
{
    public static string Root { get; } = Find();

    public static string SeedFile => Directory.EnumerateFiles(Path.Combine(Root, "seeds")).Order(StringComparer.Ordinal).First();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsDesk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the NewsDesk checkout.");
    }
}
