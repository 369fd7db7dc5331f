using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Digests;

namespace Onboarding.Core.Data.Configurations;

internal sealed class DigestRecordConfiguration : IEntityTypeConfiguration<DigestRecord>
{
    public void Configure(EntityTypeBuilder<DigestRecord> e)
    {
        e.Property(x => x.Recipient).HasMaxLength(TextLimits.Email);
        e.Property(x => x.Subject).HasMaxLength(TextLimits.Subject);
        e.Property(x => x.MessageId).HasMaxLength(TextLimits.MessageId);
        e.Property(x => x.LastError).HasMaxLength(TextLimits.Error);
        e.Property(x => x.ClaimedBy).HasMaxLength(TextLimits.JobId);
        e.HasIndex(x => new { x.Recipient, x.Period }).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        // Optimistic concurrency on claims: two workers cannot both move a row out of Pending.
        e.Property(x => x.Attempts).IsConcurrencyToken();
    }
}
