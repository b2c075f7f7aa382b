/** Marks fictional demo people and places, so no visitor takes them for real. */
export function SampleBadge() {
  return (
    <span className="sample" title="虚构的演示内容">
      示例数据
    </span>
  )
}
