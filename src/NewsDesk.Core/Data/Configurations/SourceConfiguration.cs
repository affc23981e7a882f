using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Sources;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.Property(s => s.Url).HasMaxLength(2048);
        builder.Property(s => s.ETag).HasMaxLength(300);
        builder.Property(s => s.LastModified).HasMaxLength(100);
        builder.Property(s => s.LastStatus).HasMaxLength(300);
        builder.Property(s => s.LastError).HasMaxLength(2000);
        builder.HasIndex(s => s.NextPollAt);
        builder.Property(s => s.LeaseOwner).HasMaxLength(200);
    }
}
