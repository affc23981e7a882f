using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Cli.Tagging;

/// <summary>The store's taxonomy (built-in data plus admins' aliases, merges and added terms) for <c>tag --curated</c>.</summary>
internal static class CuratedTaxonomy
{
    public static async Task<TaxonomySnapshot> LoadAsync(string? databaseFile, CancellationToken cancellationToken)
    {
        using var host = await CliHost.StartAsync(databaseFile, cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaxonomyCache>().GetAsync(scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(), cancellationToken);
    }
}
