import { getTranslations } from 'next-intl/server';
import { MemberActions, type MemberView } from '@/components/ceremony/people/member-forms';
import { DataTable } from '@/components/ui/data-table';

export async function MembersTable({
  ceremonyId,
  members,
  delegations,
  caption,
  disabled,
}: {
  ceremonyId: string;
  members: MemberView[];
  delegations: { id: string; name: string }[];
  caption: string;
  disabled: boolean;
}) {
  const t = await getTranslations();
  if (members.length === 0) return <p className="text-sm text-muted">{t('schedule.people.noMembers')}</p>;
  return (
    <DataTable
      caption={caption}
      columns={[
        ...(['memberName', 'email', 'role'] as const).map((key) => ({ key, label: t(`schedule.people.${key}`) })),
        { key: 'actions', label: t('schedule.people.actions'), align: 'end' as const },
      ]}
    >
      {members.map((member) => (
        <tr key={member.id} className="border-b border-line/60 align-middle" data-testid={`member-${member.email}`}>
          <td className="py-2 pr-3">
            <span className="font-medium">{member.name}</span>
            {member.title ? <span className="block text-muted">{member.title}</span> : null}
          </td>
          <td className="py-2 pr-3 break-all">{member.email}</td>
          <td className="py-2 pr-3">{t(`roles.${member.role as 'organiser'}`)}</td>
          <td className="py-2">
            <MemberActions ceremonyId={ceremonyId} member={member} delegations={delegations} disabled={disabled} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
