namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// One row (<see cref="SingletonId"/>) that every instance reads to know whether its cached taxonomy is current:
/// <see cref="Stamp"/> changes in the same transaction as any curation (a term renamed, merged, retired or added
/// by an admin, an alias, an involvement), and <see cref="BuiltInVersion"/> names the built-in data last synced.
/// </summary>
public sealed class TaxonomyState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public Guid Stamp { get; set; }

    public string? BuiltInVersion { get; set; }
}
