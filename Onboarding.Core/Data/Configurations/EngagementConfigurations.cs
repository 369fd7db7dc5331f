using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Onboarding.Core.Engagements;

namespace Onboarding.Core.Data.Configurations;

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> e)
    {
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.Property(x => x.TimeZone).HasMaxLength(TextLimits.TimeZone);
        e.Property(x => x.WorkingDays).HasConversion<int>();
        e.Property(x => x.HealthOverrideReason).HasMaxLength(TextLimits.Reason);
        e.Property(x => x.HealthOverrideBy).HasMaxLength(TextLimits.Name);
        e.HasOne(x => x.Provider).WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Outcomes).WithOne().HasForeignKey(o => o.EngagementId);
        e.HasMany(x => x.Members).WithOne(m => m.Engagement).HasForeignKey(m => m.EngagementId);
        e.HasMany(x => x.Templates).WithOne().HasForeignKey(t => t.EngagementId);
        e.HasMany(x => x.Tasks).WithOne(t => t.Engagement).HasForeignKey(t => t.EngagementId);
        e.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.EngagementId);
        e.HasMany(x => x.Glossary).WithOne().HasForeignKey(g => g.EngagementId);
        e.HasMany(x => x.Metrics).WithOne().HasForeignKey(m => m.EngagementId);
        e.HasMany(x => x.Wins).WithOne().HasForeignKey(w => w.EngagementId);
        e.HasIndex(x => new { x.ProviderId, x.Status });
    }
}

internal sealed class BusinessOutcomeConfiguration : IEntityTypeConfiguration<BusinessOutcome>
{
    public void Configure(EntityTypeBuilder<BusinessOutcome> e)
    {
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> e)
    {
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Email).HasMaxLength(TextLimits.Email);
        e.Property(x => x.Title).HasMaxLength(TextLimits.Name);
        e.Property(x => x.CalendarToken).HasMaxLength(TextLimits.Token);
        e.Property(x => x.UnsubscribeToken).HasMaxLength(TextLimits.Token);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.HasIndex(x => new { x.EngagementId, x.Email }).IsUnique();
        // A person's engagements in a role (the portfolio on every request, the home page) without reading the table.
        e.HasIndex(x => new { x.UserId, x.Role, x.EngagementId });
        // The engagement gate's one lookup on every request: this person's membership of this engagement.
        e.HasIndex(x => new { x.EngagementId, x.UserId });
        e.HasIndex(x => x.Email);
        e.HasIndex(x => x.CalendarToken).IsUnique();
        e.HasIndex(x => x.UnsubscribeToken).IsUnique();
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EngagementId, x.PersonId }).IsUnique();
    }
}

internal sealed class TemplateSnapshotConfiguration : IEntityTypeConfiguration<TemplateSnapshot>
{
    public void Configure(EntityTypeBuilder<TemplateSnapshot> e)
    {
        e.Property(x => x.TemplateKey).HasMaxLength(TextLimits.Key);
        e.Property(x => x.InstanceKey).HasMaxLength(TextLimits.Key);
        e.Property(x => x.Title).HasMaxLength(TextLimits.Name);
        e.HasIndex(x => new { x.EngagementId, x.TemplateKey, x.InstanceKey }).IsUnique();
        e.HasOne(x => x.ForMember).WithMany().HasForeignKey(x => x.ForMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(x => x.Key).HasMaxLength(TextLimits.TaskKey);
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        e.Property(x => x.PhaseKey).HasMaxLength(TextLimits.Key);
        e.Property(x => x.PhaseTitle).HasMaxLength(TextLimits.Name);
        e.Property(x => x.BlockedReason).HasMaxLength(TextLimits.Reason);
        e.Property(x => x.SkippedReason).HasMaxLength(TextLimits.Reason);
        e.Property(x => x.Warning).HasMaxLength(TextLimits.Reason);
        e.Property(x => x.PersonKey).HasMaxLength(TextLimits.Key);
        e.Property(x => x.PersonName).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
        e.Ignore(x => x.IsOpen);
        e.HasIndex(x => new { x.EngagementId, x.Key }).IsUnique();
        e.HasIndex(x => new { x.EngagementId, x.Due });
        e.HasIndex(x => x.OwnerId);
        e.HasOne(x => x.Owner).WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.TemplateSnapshot).WithMany().HasForeignKey(x => x.TemplateSnapshotId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Checklist).WithOne().HasForeignKey(c => c.TaskId);
        e.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.TaskId);
        e.HasMany(x => x.DependsOn).WithOne().HasForeignKey(d => d.TaskId);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.TaskId);
    }
}

internal sealed class TaskDependencyConfiguration : IEntityTypeConfiguration<TaskDependency>
{
    public void Configure(EntityTypeBuilder<TaskDependency> e)
    {
        e.HasKey(x => new { x.TaskId, x.DependsOnTaskId });
        e.HasOne(x => x.DependsOnTask).WithMany().HasForeignKey(x => x.DependsOnTaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> e) => e.Property(x => x.Text).HasMaxLength(TextLimits.ChecklistItem);
}

internal sealed class TaskCommentConfiguration : IEntityTypeConfiguration<TaskComment>
{
    public void Configure(EntityTypeBuilder<TaskComment> e)
    {
        e.Property(x => x.AuthorName).HasMaxLength(TextLimits.Name);
        e.HasIndex(x => new { x.TaskId, x.CreatedAt });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        e.HasIndex(x => new { x.EngagementId, x.Date });
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GlossaryTermConfiguration : IEntityTypeConfiguration<GlossaryTerm>
{
    public void Configure(EntityTypeBuilder<GlossaryTerm> e)
    {
        e.Property(x => x.ClientTerm).HasMaxLength(TextLimits.Name);
        e.Property(x => x.ProviderTerm).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ChangedBy).HasMaxLength(TextLimits.Name);
    }
}

internal sealed class MetricConfiguration : IEntityTypeConfiguration<Metric>
{
    public void Configure(EntityTypeBuilder<Metric> e)
    {
        e.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Unit).HasMaxLength(TextLimits.Unit);
        e.Property(x => x.Baseline).HasPrecision(18, 4);
        e.Property(x => x.Target).HasPrecision(18, 4);
        e.Property(x => x.TargetText).HasMaxLength(TextLimits.Name);
        e.HasMany(x => x.Measurements).WithOne().HasForeignKey(m => m.MetricId);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> e)
    {
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.Property(x => x.Note).HasMaxLength(TextLimits.Note);
        e.HasIndex(x => new { x.MetricId, x.MeasuredOn });
    }
}

internal sealed class WinConfiguration : IEntityTypeConfiguration<Win>
{
    public void Configure(EntityTypeBuilder<Win> e)
    {
        e.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        e.Property(x => x.AuthorName).HasMaxLength(TextLimits.Name);
        e.HasIndex(x => new { x.EngagementId, x.CreatedAt });
        // A milestone task is reached once, however many "Done" posts race for it.
        e.HasIndex(x => x.TaskId).IsUnique().HasFilter($"kind = '{nameof(WinKind.MilestoneReached)}' AND task_id IS NOT NULL").HasDatabaseName("ix_wins_milestone_task");
        e.HasOne(x => x.Task).WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> e)
    {
        e.Property(x => x.ActorName).HasMaxLength(TextLimits.Name);
        e.Property(x => x.Description).HasMaxLength(TextLimits.Description);
        e.HasIndex(x => new { x.EngagementId, x.At });
        e.HasOne<Engagement>().WithMany().HasForeignKey(x => x.EngagementId);
    }
}

internal sealed class TaskParticipantConfiguration : IEntityTypeConfiguration<TaskParticipant>
{
    public void Configure(EntityTypeBuilder<TaskParticipant> e)
    {
        e.HasKey(x => new { x.TaskId, x.MemberId });
        e.HasIndex(x => x.MemberId);
        // A member who leaves the engagement stops attending; the task stays.
        e.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
