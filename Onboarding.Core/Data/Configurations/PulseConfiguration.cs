using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Governance.Pulses;

namespace Onboarding.Core.Data.Configurations;

internal sealed class PulseConfiguration : IEntityTypeConfiguration<Pulse>
{
    public void Configure(EntityTypeBuilder<Pulse> e)
    {
        e.Property(x => x.Occasion).HasMaxLength(TextLimits.Key);
        e.Property(x => x.OccasionText).HasMaxLength(TextLimits.Title);
        e.Property(x => x.TokenHash).HasMaxLength(TextLimits.Token);
        e.Property(x => x.Comment).HasMaxLength(TextLimits.Note);
        e.Property(x => x.Response).HasMaxLength(TextLimits.Description);
        e.Property(x => x.RespondedBy).HasMaxLength(TextLimits.Name);
        e.HasOne(x => x.Engagement).WithMany().HasForeignKey(x => x.EngagementId);
        // Removing a member removes their pulses; the month's metric value their answer fed stays.
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Governance.LogEntry>().WithMany().HasForeignKey(x => x.LogEntryId).OnDelete(DeleteBehavior.SetNull);
        // One pulse per member and occasion, whatever number of workers run the job at once.
        e.HasIndex(x => new { x.MemberId, x.Occasion }).IsUnique();
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => new { x.EngagementId, x.CreatedAt });
    }
}
