import type { EmailAdapter } from 'payload'

/**
 * No mail server is configured yet, so mails (password resets, the only mails the CMS sends) are not
 * sent. The log says so, one line each, and never holds the content: a reset mail carries a link with a
 * token that lets whoever reads the log set the account's password. An admin helps the user instead.
 * Replace with a real adapter (SMTP) in production.
 */
export const logEmail: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: 'noreply@example.org',
  defaultFromName: '民呼我应 内容管理',
  sendEmail: async (message) => {
    payload.logger.warn(
      `mail for ${String(message.to)} not sent ("${message.subject}"): no mail server is configured, and ` +
        `its content is not logged. For a password reset, an admin sets a new password in the admin: ` +
        `系统 → 用户 → the user → 更改密码 (and 解锁 if the account is locked).`,
    )
  },
})
