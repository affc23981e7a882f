using NewsDesk.Tagging.Taxonomy;

namespace NewsDesk.Cli.Tagging;

/// <summary>The store's taxonomy for <c>tag --curated</c>; filled in with the store wiring.</summary>
internal static class CuratedTaxonomy
{
    public static Task<TaxonomySnapshot> LoadAsync(string? databaseFile, CancellationToken cancellationToken) => Task.FromResult(TaxonomySnapshot.BuiltIn);
}
