namespace NewsDesk.Core.Taxonomy;

/// <summary>Another name for a term (Diaoyu for the Senkaku Islands); the tagger matches aliases too.</summary>
public sealed class TermAlias
{
    public int Id { get; private set; }

    public int TermId { get; set; }

    public Term Term { get; set; } = null!;

    public required string Name { get; set; }
}
