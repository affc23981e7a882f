using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasOne(r => r.Article).WithMany(a => a.Revisions).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.Property(r => r.Reason).HasMaxLength(60);
        builder.Property(r => r.Author).HasMaxLength(256);
        builder.Property(r => r.Slug).HasMaxLength(Article.MaxSlugLength);
        builder.Property(r => r.Headline).HasMaxLength(Article.MaxHeadlineLength);
        builder.Property(r => r.Standfirst).HasMaxLength(4000);
        builder.Property(r => r.Byline).HasMaxLength(300);
        builder.Property(r => r.ImageCredit).HasMaxLength(300);
        builder.Property(r => r.SourceName).HasMaxLength(200);
        builder.Property(r => r.OriginalUrl).HasMaxLength(2048);
        builder.Property(r => r.CorrectionNote).HasMaxLength(Article.MaxCorrectionNoteLength);
    }
}
