using Microsoft.Extensions.Configuration;
using NewsDesk.Core.Hosting;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Hosting;

public sealed class NewsDeskPathsTests
{
    [Fact]
    public void Defaults_resolve_against_the_repository_root_not_the_working_directory()
    {
        var paths = NewsDeskPaths.Resolve(Configuration());

        Assert.Equal(Repository.Root, paths.BaseDirectory);
        Assert.Equal(Path.Combine(Repository.Root, "data"), paths.DataDirectory);
        Assert.Equal(Path.Combine(Repository.Root, "seeds"), paths.SeedsDirectory);
        Assert.Equal(Path.Combine(Repository.Root, "data", "newsdesk.db"), paths.DatabaseFile);
    }

    [Fact]
    public void Configured_directories_override_the_defaults()
    {
        var paths = NewsDeskPaths.Resolve(Configuration(("NewsDesk:DataDirectory", "/srv/newsdesk"), ("NewsDesk:SeedsDirectory", "/srv/seeds")));

        Assert.Equal("/srv/newsdesk", paths.DataDirectory);
        Assert.Equal("/srv/seeds", paths.SeedsDirectory);
        Assert.Equal("/srv/newsdesk/newsdesk.db", paths.DatabaseFile);
    }

    [Fact]
    public void A_configured_connection_string_wins_over_the_data_directory()
    {
        var paths = NewsDeskPaths.Resolve(Configuration(("NewsDesk:DataDirectory", "/srv/newsdesk"), ("ConnectionStrings:NewsDesk", "Data Source=/var/lib/nd.db")));

        Assert.Equal("/var/lib/nd.db", paths.DatabaseFile);
    }

    [Fact]
    public void A_database_named_on_the_command_line_wins_over_everything()
    {
        var paths = NewsDeskPaths.Resolve(Configuration(("ConnectionStrings:NewsDesk", "Data Source=/var/lib/nd.db")), "/tmp/cli.db");

        Assert.Equal("/tmp/cli.db", paths.DatabaseFile);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
