import type { EmailAdapter } from 'payload'

/**
 * No mail server is configured yet: mails (password resets) are written to the CMS log, one line each,
 * so an admin can pass the link on. Replace with a real adapter (SMTP) in production.
 */
export const logEmail: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: 'noreply@example.org',
  defaultFromName: '民呼我应 内容管理',
  sendEmail: async (message) => {
    payload.logger.info(
      `email (not sent, no mail server): to ${String(message.to)}: ${message.subject}: ${String(
        message.html ?? message.text ?? '',
      )
        .replace(/\s+/g, ' ')
        .slice(0, 500)}`,
    )
  },
})
