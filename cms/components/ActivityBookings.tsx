'use client'
/**
 * In an activity's 预约 tab: places booked and left (live), and the sign-in sheet to print (or take as
 * CSV) with every booking and the issue each resident wants to raise. Staff only: the endpoint checks.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

interface Places {
  capacity: number
  booked: number
  left: number
}

export function ActivityBookings() {
  const { id } = useDocumentInfo()
  const [places, setPlaces] = useState<Places | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/activities/${id}/sign-in-sheet?format=json`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { places?: Places } | null) => setPlaces(body?.places ?? null))
      .catch(() => setPlaces(null))
  }, [id])
  if (!id) return <p>保存以后这里显示预约情况和签到表。</p>
  return (
    <div style={{ margin: '0.5rem 0 1.5rem' }}>
      {places ? (
        <p>
          名额 {places.capacity} 个，已预约 {places.booked} 人，剩余 {places.left} 个。
        </p>
      ) : null}
      <p>
        <a href={`/api/activities/${id}/sign-in-sheet`} target="_blank" rel="noreferrer">
          打印签到表
        </a>
        {' · '}
        <a href={`/api/activities/${id}/sign-in-sheet?format=csv`}>下载签到表（CSV）</a>
      </p>
    </div>
  )
}
