namespace NewsDesk.Core.Taxonomy;

/// <summary>A subject of the security taxonomy (defence cooperation, cyber security, …).</summary>
public sealed class Topic : Term
{
    public Topic(string slug, string name)
        : base(slug, name)
    {
    }

    /// <summary>The IPTC Media Topic this maps to ("medtop:20000…"), where one exists.</summary>
    public string? IptcCode { get; set; }
}
