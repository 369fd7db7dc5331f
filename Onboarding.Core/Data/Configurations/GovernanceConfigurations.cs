using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Governance;

namespace Onboarding.Core.Data.Configurations;

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> e)
    {
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        e.Property(x => x.CreatedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Engagement).WithMany(g => g.Log).HasForeignKey(x => x.EngagementId);
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerMemberId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Tasks).WithOne(t => t.LogEntry).HasForeignKey(t => t.LogEntryId);
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.LogEntryId);
        // The escalation job's and the portfolio's scan: open entries per engagement.
        e.HasIndex(x => new { x.EngagementId, x.Status });
    }
}

internal sealed class LogEntryTaskConfiguration : IEntityTypeConfiguration<LogEntryTask>
{
    public void Configure(EntityTypeBuilder<LogEntryTask> e)
    {
        e.HasKey(x => new { x.LogEntryId, x.TaskId });
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId);
    }
}

internal sealed class LogEntryStepConfiguration : IEntityTypeConfiguration<LogEntryStep>
{
    public void Configure(EntityTypeBuilder<LogEntryStep> e)
    {
        e.Property(x => x.By).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Text).HasMaxLength(TextLimits.Description);
        e.HasIndex(x => new { x.ToMemberId, x.ToldAt });
    }
}

internal sealed class EscalationRungConfiguration : IEntityTypeConfiguration<EscalationRung>
{
    public void Configure(EntityTypeBuilder<EscalationRung> e)
    {
        e.HasOne<Engagements.Engagement>().WithMany(g => g.Escalation).HasForeignKey(x => x.EngagementId);
        e.HasIndex(x => new { x.EngagementId, x.Level }).IsUnique();
    }
}
