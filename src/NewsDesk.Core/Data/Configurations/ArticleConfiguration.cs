using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public const string SearchIndexName = "IX_Articles_Search";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(Article.MaxSlugLength);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Headline).HasMaxLength(Article.MaxHeadlineLength);
        builder.Property(a => a.Standfirst).HasMaxLength(4000);
        builder.Property(a => a.Byline).HasMaxLength(300);
        builder.Property(a => a.ImageCredit).HasMaxLength(300);
        builder.Property(a => a.SourceName).HasMaxLength(200);
        builder.Property(a => a.OriginalUrl).HasMaxLength(2048);
        builder.Property(a => a.CanonicalUrl).HasMaxLength(2048);
        builder.HasIndex(a => a.CanonicalUrl);
        builder.Property(a => a.Fingerprint).HasMaxLength(1024);
        builder.Property(a => a.ExternalId).HasMaxLength(1000);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.AuthorKeys).HasMaxLength(1000);
        builder.Property(a => a.CorrectionNote).HasMaxLength(Article.MaxCorrectionNoteLength);
        builder.Property(a => a.LeadImageKey).HasMaxLength(64);
        builder.Property(a => a.LeadImageAlt).HasMaxLength(Article.MaxAltLength);
        builder.Property(a => a.LeadImageCaption).HasMaxLength(1000);
        // A plain indexed column, not a foreign key: adding a constraint to an existing SQLite table means rebuilding it
        // outside a transaction, which a crash must never interrupt. Stories are discarded, not deleted.
        builder.HasIndex(a => a.DuplicateOfId);
        // The desk lists sort by last change; their text filter scans this covering index instead of whole rows (bodies).
        builder.HasIndex(a => a.ModifiedAt);
        builder.HasIndex(a => new { a.Status, a.ModifiedAt });
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.ModifiedAt, a.Headline, a.Standfirst }, "IX_Articles_DeskText");

        builder.HasOne(a => a.Source).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.SourceId, a.ExternalId }).IsUnique();
        builder.HasIndex(a => a.ContentHash);
        // Public lists filter by status and sort by publication time.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        // Search checks each full-text match for "published and due" from this index alone, without reading the
        // (large) article rows; at 100k stories that makes the check several times cheaper.
        builder.HasIndex(a => new { a.Id, a.Status, a.PublishedAt }).HasDatabaseName(SearchIndexName);
    }
}
